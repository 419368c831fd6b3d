package dev.fntrace.capture.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import dev.fntrace.FnScheduler;
import dev.fntrace.context.TraceContext;
import dev.fntrace.capture.TraceRecorder;
import dev.fntrace.model.ScheduleStatus;
import dev.fntrace.model.ScheduleTrace;
import dev.fntrace.model.TraceBuilder;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.util.function.SingletonSupplier;

/**
 * The {@link FnScheduler} backed by a Spring {@link TaskScheduler}. Inside an active
 * transaction the task is handed to the scheduler after commit, and recorded as dropped
 * on rollback. With tracing off it still schedules, untraced.
 */
public class TracingFnScheduler implements FnScheduler, DisposableBean {

	private final Supplier<TaskScheduler> scheduler;

	private final Supplier<TraceRecorder> recorder;

	private final AfterCommit afterCommit;

	private volatile ThreadPoolTaskScheduler ownScheduler;

	/**
	 * Create a scheduler.
	 * @param scheduler the application's task scheduler, looked up on first use; when it
	 * supplies {@code null}, a single-threaded scheduler of this bean's own is used
	 * @param recorder the trace recorder, looked up on first use; when it supplies
	 * {@code null}, work is scheduled untraced
	 * @param afterCommit defers scheduling to the commit of the current transaction
	 */
	public TracingFnScheduler(Supplier<TaskScheduler> scheduler, Supplier<TraceRecorder> recorder,
			AfterCommit afterCommit) {
		this.scheduler = SingletonSupplier.of(() -> {
			TaskScheduler shared = scheduler.get();
			return (shared != null) ? shared : createOwnScheduler();
		});
		this.recorder = SingletonSupplier.of(recorder);
		this.afterCommit = afterCommit;
	}

	private TaskScheduler createOwnScheduler() {
		ThreadPoolTaskScheduler own = new ThreadPoolTaskScheduler();
		own.setThreadNamePrefix("fntrace-scheduler-");
		own.initialize();
		this.ownScheduler = own;
		return own;
	}

	@Override
	public void destroy() {
		ThreadPoolTaskScheduler own = this.ownScheduler;
		if (own != null) {
			own.shutdown();
		}
	}

	@Override
	public void runAfter(Duration delay, String fnName, Runnable task) {
		schedule(fnName, task, delay.toMillis(), null, () -> Instant.now().plus(delay));
	}

	@Override
	public void runAt(Instant time, String fnName, Runnable task) {
		schedule(fnName, task, null, time.toEpochMilli(), () -> time);
	}

	private void schedule(String fnName, Runnable task, Long delayMs, Long runAt, Supplier<Instant> startTime) {
		TraceBuilder trace = TraceContext.current();
		TraceRecorder recorder = this.recorder.get();
		Runnable run = (recorder != null) ? new ScheduledRun(recorder, fnName, trace, task) : task;
		ScheduleTrace schedule = new ScheduleTrace(fnName, delayMs, runAt, ScheduleStatus.PENDING);
		int index = (trace != null) ? trace.addSchedule(schedule) : -1;
		Runnable scheduleNow = () -> {
			this.scheduler.get().schedule(run, startTime.get());
			if (trace != null) {
				trace.updateSchedule(index, ScheduleStatus.SCHEDULED);
			}
		};
		Runnable drop = () -> {
			if (trace != null) {
				trace.updateSchedule(index, ScheduleStatus.DROPPED);
			}
		};
		if (!this.afterCommit.defer(scheduleNow, drop)) {
			scheduleNow.run();
		}
	}

}
