package dev.fntrace.capture.scheduling;

import java.lang.reflect.Method;

import org.aopalliance.aop.Advice;

import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.scheduling.TaskScheduler;

/**
 * Applies the {@link TaskSchedulerRecordingInterceptor} to the {@code schedule*} methods of
 * {@link TaskScheduler} beans.
 */
public class TaskSchedulerRecordingAdvisor extends AbstractPointcutAdvisor {

	private final transient Pointcut pointcut = new SchedulePointcut();

	private final transient TaskSchedulerRecordingInterceptor interceptor;

	/**
	 * Create an advisor.
	 * @param interceptor the interceptor to apply
	 */
	public TaskSchedulerRecordingAdvisor(TaskSchedulerRecordingInterceptor interceptor) {
		this.interceptor = interceptor;
	}

	@Override
	public Pointcut getPointcut() {
		return this.pointcut;
	}

	@Override
	public Advice getAdvice() {
		return this.interceptor;
	}

	private static final class SchedulePointcut extends StaticMethodMatcherPointcut {

		SchedulePointcut() {
			setClassFilter(TaskScheduler.class::isAssignableFrom);
		}

		@Override
		public boolean matches(Method method, Class<?> targetClass) {
			Class<?>[] parameters = method.getParameterTypes();
			return method.getName().startsWith("schedule") && parameters.length > 0
					&& parameters[0] == Runnable.class;
		}

	}

}
