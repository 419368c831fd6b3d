package dev.fntrace.capture.scheduling;

import java.lang.reflect.Method;

import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.scheduling.TaskScheduler;

/**
 * Applies the {@link TaskSchedulerRecordingInterceptor} to the {@code schedule*} methods
 * of {@link TaskScheduler} beans.
 */
public class TaskSchedulerRecordingAdvisor extends DefaultPointcutAdvisor {

	/**
	 * Create an advisor.
	 * @param interceptor the interceptor to apply
	 */
	public TaskSchedulerRecordingAdvisor(TaskSchedulerRecordingInterceptor interceptor) {
		super(new SchedulePointcut(), interceptor);
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
