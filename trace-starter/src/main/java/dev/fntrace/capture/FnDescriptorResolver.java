package dev.fntrace.capture;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.concurrent.ConcurrentHashMap;

import dev.fntrace.Traced;
import dev.fntrace.model.FnType;

import org.springframework.aop.support.AopUtils;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationAttributes;
import org.springframework.util.ClassUtils;
import org.springframework.util.PatternMatchUtils;

/**
 * Resolves, once per method and target class, the name and type of a traced function, and
 * whether the include and exclude patterns let it be recorded. Later calls read the
 * cache: no reflection per call.
 */
public final class FnDescriptorResolver {

	private static final String SPRING_TRANSACTIONAL = "org.springframework.transaction.annotation.Transactional";

	private static final String JAKARTA_TRANSACTIONAL = "jakarta.transaction.Transactional";

	/** How many method and target class pairs {@link #recent} holds: a power of two. */
	private static final int RECENT = 256;

	private final Map<Method, TargetDescriptors> cache = new ConcurrentHashMap<>();

	/**
	 * The descriptors found last, by the identity of their method and target class: a
	 * call finds its own without the map, whose lookup compares methods by their
	 * signature. A slot holds one immutable entry, overwritten by any pair that hashes to
	 * it.
	 */
	private final Recent[] recent = new Recent[RECENT];

	private final String[] include;

	private final String[] exclude;

	/**
	 * Create a resolver with name patterns ({@code *} matches anything).
	 * @param include patterns of the functions to record; empty for all
	 * @param exclude patterns of the functions not to record
	 */
	public FnDescriptorResolver(List<String> include, List<String> exclude) {
		this.include = include.toArray(String[]::new);
		this.exclude = exclude.toArray(String[]::new);
	}

	/**
	 * The descriptor of a method called on a target.
	 * @param method the method
	 * @param targetClass the target's class
	 * @return the descriptor
	 */
	FnDescriptor resolve(Method method, Class<?> targetClass) {
		return resolve(method, targetClass, targetClass);
	}

	/**
	 * The descriptor of a method called on a target object. Looked up by the object's
	 * class (no work per call); described, the first time, from the class behind it if
	 * the object is itself a proxy.
	 * @param method the method
	 * @param target the object the method is called on, or {@code null} for a static
	 * method
	 * @return the descriptor
	 */
	FnDescriptor resolveOn(Method method, Object target) {
		if (target == null) {
			return resolve(method, method.getDeclaringClass());
		}
		Class<?> targetClass = target.getClass();
		int at = (System.identityHashCode(method) * 31 + System.identityHashCode(targetClass)) & (RECENT - 1);
		Recent recent = this.recent[at];
		if (recent != null && recent.method == method && recent.targetClass == targetClass) {
			return recent.descriptor;
		}
		TargetDescriptors known = this.cache.get(method);
		FnDescriptor descriptor = (known != null) ? known.find(targetClass) : null;
		if (descriptor == null) {
			descriptor = resolve(method, targetClass, AopUtils.getTargetClass(target));
		}
		this.recent[at] = new Recent(method, targetClass, descriptor);
		return descriptor;
	}

	private FnDescriptor resolve(Method method, Class<?> key, Class<?> targetClass) {
		TargetDescriptors known = this.cache.get(method);
		FnDescriptor descriptor = (known != null) ? known.find(key) : null;
		if (descriptor == null) {
			descriptor = this.cache
				.compute(method,
						(m, current) -> TargetDescriptors.with(current, key, () -> describe(method, targetClass)))
				.find(key);
		}
		return descriptor;
	}

	private FnDescriptor describe(Method method, Class<?> targetClass) {
		Class<?> userClass = ClassUtils.getUserClass(targetClass);
		Method specific = AopUtils.getMostSpecificMethod(method, userClass);
		Traced traced = AnnotatedElementUtils.findMergedAnnotation(specific, Traced.class);
		if (traced == null) {
			traced = AnnotatedElementUtils.findMergedAnnotation(userClass, Traced.class);
		}
		String name = (traced != null && !traced.value().isEmpty()) ? traced.value() : FnNames.of(userClass, method);
		FnType type = (traced != null && traced.type() != FnType.INFERRED) ? traced.type()
				: inferType(specific, userClass);
		return new FnDescriptor(name, type, isRecorded(name), ClassUtils.getQualifiedMethodName(method, targetClass));
	}

	/**
	 * Infer a function's type from its transaction annotations.
	 * @param method the method
	 * @param targetClass the class it is called on
	 * @return {@link FnType#QUERY} for a read-only transaction, {@link FnType#MUTATION}
	 * for another transaction, {@link FnType#ACTION} without one
	 */
	private static FnType inferType(Method method, Class<?> targetClass) {
		AnnotationAttributes transactional = transactionalAttributes(method, targetClass);
		if (transactional != null) {
			return transactional.getBoolean("readOnly") ? FnType.QUERY : FnType.MUTATION;
		}
		if (AnnotatedElementUtils.isAnnotated(method, JAKARTA_TRANSACTIONAL)
				|| AnnotatedElementUtils.isAnnotated(targetClass, JAKARTA_TRANSACTIONAL)) {
			return FnType.MUTATION;
		}
		return FnType.ACTION;
	}

	private static AnnotationAttributes transactionalAttributes(Method method, Class<?> targetClass) {
		AnnotationAttributes attributes = AnnotatedElementUtils.findMergedAnnotationAttributes(method,
				SPRING_TRANSACTIONAL, false, false);
		return (attributes != null) ? attributes
				: AnnotatedElementUtils.findMergedAnnotationAttributes(targetClass, SPRING_TRANSACTIONAL, false, false);
	}

	private boolean isRecorded(String name) {
		if (this.include.length > 0 && !PatternMatchUtils.simpleMatch(this.include, name)) {
			return false;
		}
		return this.exclude.length == 0 || !PatternMatchUtils.simpleMatch(this.exclude, name);
	}

	/**
	 * A descriptor found for a method and target class, read without a lock: its fields
	 * are final, so a thread that sees the entry sees them.
	 */
	private record Recent(Method method, Class<?> targetClass, FnDescriptor descriptor) {
	}

	/**
	 * The descriptors of one method, by the target classes it was called on: usually one,
	 * so a lookup is a reference comparison and allocates nothing. Replaced, never
	 * changed, when another target class comes.
	 */
	private static final class TargetDescriptors {

		private final Class<?>[] targetClasses;

		private final FnDescriptor[] descriptors;

		private TargetDescriptors(Class<?>[] targetClasses, FnDescriptor[] descriptors) {
			this.targetClasses = targetClasses;
			this.descriptors = descriptors;
		}

		FnDescriptor find(Class<?> targetClass) {
			Class<?>[] classes = this.targetClasses;
			for (int i = 0; i < classes.length; i++) {
				if (classes[i] == targetClass) {
					return this.descriptors[i];
				}
			}
			return null;
		}

		static TargetDescriptors with(TargetDescriptors current, Class<?> targetClass,
				Supplier<FnDescriptor> describe) {
			if (current == null) {
				return new TargetDescriptors(new Class<?>[] { targetClass }, new FnDescriptor[] { describe.get() });
			}
			if (current.find(targetClass) != null) {
				return current;
			}
			int length = current.targetClasses.length;
			Class<?>[] classes = Arrays.copyOf(current.targetClasses, length + 1);
			FnDescriptor[] descriptors = Arrays.copyOf(current.descriptors, length + 1);
			classes[length] = targetClass;
			descriptors[length] = describe.get();
			return new TargetDescriptors(classes, descriptors);
		}

	}

}
