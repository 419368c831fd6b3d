package dev.fntrace.capture.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

import dev.fntrace.context.TraceContext;
import dev.fntrace.capture.TraceRecorder;
import dev.fntrace.capture.TracingFailures;
import dev.fntrace.model.ScheduleStatus;
import dev.fntrace.model.ScheduleTrace;
import dev.fntrace.model.TraceBuilder;

import org.springframework.util.function.SingletonSupplier;

/**
 * Records work handed straight to a Spring {@code TaskScheduler} from inside a traced
 * call, as a schedule of that call, and traces the later run with {@code scheduled_by}.
 * Work scheduled outside traced calls, and work the {@link TracingFnScheduler} already
 * wrapped, pass through untouched.
 */
final class TaskSchedulerRecordingInterceptor implements MethodInterceptor {

	private final Supplier<TraceRecorder> recorder;

	private final Supplier<TracingFailures> failures;

	/**
	 * Create an interceptor.
	 * @param recorder the recorder, looked up on first use; when it supplies
	 * {@code null}, nothing is recorded
	 * @param failures where fntrace's own failures go, looked up on first use
	 */
	TaskSchedulerRecordingInterceptor(Supplier<TraceRecorder> recorder, Supplier<TracingFailures> failures) {
		this.recorder = SingletonSupplier.of(recorder);
		this.failures = SingletonSupplier.of(failures);
	}

	@Override
	public Object invoke(MethodInvocation invocation) throws Throwable {
		TraceBuilder trace = TraceContext.current();
		Object[] arguments = invocation.getArguments();
		if (trace != null && arguments.length > 0 && arguments[0] instanceof Runnable task
				&& !(task instanceof ScheduledRun)) {
			try {
				TraceRecorder recorder = this.recorder.get();
				if (recorder == null) {
					return invocation.proceed();
				}
				String name = TaskNames.nameOf(task);
				trace.addSchedule(
						new ScheduleTrace(name, delayMs(arguments), runAt(arguments), ScheduleStatus.SCHEDULED));
				arguments[0] = new ScheduledRun(recorder, name, trace, task);
			}
			catch (RuntimeException | LinkageError ex) {
				arguments[0] = task;
				this.failures.get().record("record a scheduled task", ex);
			}
		}
		return invocation.proceed();
	}

	private static Long delayMs(Object[] arguments) {
		for (int i = 1; i < arguments.length; i++) {
			if (arguments[i] instanceof Instant) {
				return null;
			}
			if (arguments[i] instanceof Duration duration) {
				return duration.toMillis();
			}
		}
		return null;
	}

	private static Long runAt(Object[] arguments) {
		return (arguments.length > 1 && arguments[1] instanceof Instant time) ? time.toEpochMilli() : null;
	}

}
