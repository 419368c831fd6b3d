package dev.fntrace.capture.scheduling;

import java.lang.reflect.Method;
import java.util.function.Supplier;

import dev.fntrace.capture.TraceRecorder;
import dev.fntrace.capture.TracingFailures;

import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.scheduling.TaskScheduler;

/**
 * Applies the {@link TaskSchedulerRecordingInterceptor} to the {@code schedule*} methods
 * of {@link TaskScheduler} beans.
 */
public class TaskSchedulerRecordingAdvisor extends DefaultPointcutAdvisor {

	/**
	 * Create an advisor. Its collaborators are looked up when work is scheduled, so that
	 * the advisor can be created with the infrastructure beans.
	 * @param recorder records the scheduled runs
	 * @param failures where fntrace's own failures go
	 */
	public TaskSchedulerRecordingAdvisor(Supplier<TraceRecorder> recorder, Supplier<TracingFailures> failures) {
		super(new SchedulePointcut(), new TaskSchedulerRecordingInterceptor(recorder, failures));
	}

	private static final class SchedulePointcut extends StaticMethodMatcherPointcut {

		SchedulePointcut() {
			setClassFilter(TaskScheduler.class::isAssignableFrom);
		}

		@Override
		public boolean matches(Method method, Class<?> targetClass) {
			Class<?>[] parameters = method.getParameterTypes();
			return method.getName().startsWith("schedule") && parameters.length > 0 && parameters[0] == Runnable.class;
		}

	}

}
