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
 * Matches the methods annotated {@link Traced @Traced}, and the public methods of classes annotated
 * {@code @Traced}, except those declared by {@link Object} and their overrides
 * ({@code toString}, {@code equals}, {@code hashCode}) unless annotated themselves.
 */
public class TracedPointcut extends StaticMethodMatcherPointcut {

	/**
	 * Create the pointcut.
	 */
	public TracedPointcut() {
		setClassFilter(new TracedClassFilter());
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
		return Modifier.isPublic(specific.getModifiers()) && !specific.isSynthetic()
				&& !ReflectionUtils.isObjectMethod(specific) && AnnotatedElementUtils.hasAnnotation(userClass, Traced.class);
	}

	private static final class TracedClassFilter implements ClassFilter {

		@Override
		public boolean matches(Class<?> clazz) {
			return AnnotationUtils.isCandidateClass(clazz, Traced.class);
		}

	}

}
