package dev.fntrace.capture.scheduling;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

import dev.fntrace.capture.FnNames;
import dev.fntrace.context.TraceContext;
import dev.fntrace.model.ScheduleStatus;
import dev.fntrace.model.ScheduleTrace;
import dev.fntrace.model.TraceBuilder;

import org.springframework.aop.support.AopUtils;
import org.springframework.core.MethodClassKey;

/**
 * Records a call of an {@code @Async} method made from inside a traced call as a schedule
 * of that call, named {@code ClassName.method}. Runs on the calling thread, before Spring
 * hands the call to its executor.
 */
final class AsyncCallRecordingInterceptor implements MethodInterceptor {

	private final Map<MethodClassKey, String> names = new ConcurrentHashMap<>();

	@Override
	public Object invoke(MethodInvocation invocation) throws Throwable {
		TraceBuilder trace = TraceContext.current();
		if (trace != null) {
			Object target = invocation.getThis();
			Class<?> targetClass = (target != null) ? AopUtils.getTargetClass(target)
					: invocation.getMethod().getDeclaringClass();
			String name = this.names.computeIfAbsent(new MethodClassKey(invocation.getMethod(), targetClass),
					(key) -> FnNames.of(targetClass, invocation.getMethod()));
			trace.addSchedule(new ScheduleTrace(name, null, null, ScheduleStatus.SCHEDULED));
		}
		return invocation.proceed();
	}

}
