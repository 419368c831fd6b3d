package dev.fntrace.capture;

import java.lang.reflect.Method;

import org.springframework.util.ClassUtils;

/**
 * The default name of a function: {@code ClassName.method}, with the user's class behind
 * any CGLIB proxy.
 */
public final class FnNames {

	private FnNames() {
	}

	/**
	 * The name of a method called on a class.
	 * @param type the class, possibly a proxy class
	 * @param method the method
	 * @return {@code ClassName.method}
	 */
	public static String of(Class<?> type, Method method) {
		return ClassUtils.getUserClass(type).getSimpleName() + "." + method.getName();
	}

}
