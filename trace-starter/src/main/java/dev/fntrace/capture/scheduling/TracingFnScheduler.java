package dev.fntrace.capture.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import dev.fntrace.FnScheduler;
import dev.fntrace.capture.TraceContext;
import dev.fntrace.capture.TraceRecorder;
import dev.fntrace.model.ScheduleStatus;
import dev.fntrace.model.ScheduleTrace;
import dev.fntrace.model.TraceBuilder;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.ClassUtils;
import org.springframework.util.function.SingletonSupplier;

/**
 * The {@link FnScheduler} backed by a Spring {@link TaskScheduler}. Inside an active transaction
 * the task is handed to the scheduler after commit, and recorded as dropped on rollback.
 */
public class TracingFnScheduler implements FnScheduler, DisposableBean {

	private static final boolean TX_PRESENT = ClassUtils.isPresent(
			"org.springframework.transaction.support.TransactionSynchronizationManager",
			TracingFnScheduler.class.getClassLoader());

	private final Supplier<TaskScheduler> scheduler;

	private final Supplier<TraceRecorder> recorder;

	private volatile ThreadPoolTaskScheduler ownScheduler;

	/**
	 * Create a scheduler.
	 * @param scheduler the application's task scheduler, looked up on first use; when it supplies
	 * {@code null}, a single-threaded scheduler of this bean's own is used
	 * @param recorder the trace recorder, looked up on first use
	 */
	public TracingFnScheduler(Supplier<TaskScheduler> scheduler, Supplier<TraceRecorder> recorder) {
		this.scheduler = SingletonSupplier.of(() -> {
			TaskScheduler shared = scheduler.get();
			return (shared != null) ? shared : createOwnScheduler();
		});
		this.recorder = SingletonSupplier.of(recorder);
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
		Runnable run = new ScheduledRun(this.recorder.get(), fnName, trace, task);
		boolean afterCommit = TX_PRESENT && TransactionSynchronizationManager.isSynchronizationActive()
				&& TransactionSynchronizationManager.isActualTransactionActive();
		int index = (trace != null) ? trace.addSchedule(new ScheduleTrace(fnName, delayMs, runAt,
				afterCommit ? ScheduleStatus.PENDING : ScheduleStatus.SCHEDULED)) : -1;
		if (!afterCommit) {
			this.scheduler.get().schedule(run, startTime.get());
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				TracingFnScheduler.this.scheduler.get().schedule(run, startTime.get());
				if (trace != null) {
					trace.updateSchedule(index, ScheduleStatus.SCHEDULED);
				}
			}

			@Override
			public void afterCompletion(int status) {
				if (status != STATUS_COMMITTED && trace != null) {
					trace.updateSchedule(index, ScheduleStatus.DROPPED);
				}
			}

		});
	}

}
