package dev.fntrace.capture;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

import dev.fntrace.Traced;

import org.springframework.aop.ClassFilter;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Matches the methods annotated {@link Traced @Traced}, and the public methods of classes
 * annotated {@code @Traced}, except those declared by {@link Object} and their overrides
 * ({@code toString}, {@code equals}, {@code hashCode}) unless annotated themselves.
 * Optionally also matches every Spring MVC handler method ({@code @RequestMapping} in a
 * {@code @Controller}), so that an application without annotations gets a trace per
 * request.
 */
final class TracedPointcut extends StaticMethodMatcherPointcut {

	private static final String CONTROLLER = "org.springframework.stereotype.Controller";

	private static final String REQUEST_MAPPING = "org.springframework.web.bind.annotation.RequestMapping";

	private final boolean traceHandlers;

	/**
	 * Create a pointcut.
	 * @param traceHandlers whether to match Spring MVC handler methods too
	 */
	TracedPointcut(boolean traceHandlers) {
		this.traceHandlers = traceHandlers;
		setClassFilter(new TracedClassFilter(this.traceHandlers));
	}

	@Override
	public boolean matches(Method method, Class<?> targetClass) {
		if (method.getDeclaringClass() == Object.class) {
			return false;
		}
		Class<?> userClass = ClassUtils.getUserClass(targetClass);
		Method specific = AopUtils.getMostSpecificMethod(method, userClass);
		if (AnnotatedElementUtils.hasAnnotation(specific, Traced.class)
				|| AnnotatedElementUtils.hasAnnotation(method, Traced.class)) {
			return true;
		}
		if (this.traceHandlers && AnnotatedElementUtils.isAnnotated(specific, REQUEST_MAPPING)
				&& AnnotatedElementUtils.isAnnotated(userClass, CONTROLLER)) {
			return true;
		}
		return Modifier.isPublic(specific.getModifiers()) && !specific.isSynthetic()
				&& !ReflectionUtils.isObjectMethod(specific)
				&& AnnotatedElementUtils.hasAnnotation(userClass, Traced.class);
	}

	private static final class TracedClassFilter implements ClassFilter {

		private final boolean traceHandlers;

		TracedClassFilter(boolean traceHandlers) {
			this.traceHandlers = traceHandlers;
		}

		@Override
		public boolean matches(Class<?> clazz) {
			return AnnotationUtils.isCandidateClass(clazz, Traced.class)
					|| (this.traceHandlers && AnnotatedElementUtils.isAnnotated(clazz, CONTROLLER));
		}

	}

}
