package dev.fntrace.capture.data;

import dev.fntrace.model.BoundedText;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

import dev.fntrace.context.TraceContext;
import dev.fntrace.capture.TracingFailures;
import dev.fntrace.model.DbOp;
import dev.fntrace.model.TraceBuilder;

import org.springframework.data.repository.core.EntityInformation;

/**
 * Records each call of one repository, made inside a traced call, as one operation of its
 * trace: the kind the {@link RepositoryMethodClassifier} tells, the repository's domain
 * type as entity, the entity id where the call names one, and the SQL statements the call
 * ran folded into it (their text kept, the rows of those of the operation's kind added
 * up). Outside traced calls it costs one thread-local read.
 * <p>
 * A repository call made while another one of the same trace runs on the same thread (a
 * default method calling {@code findById}, a fragment calling another repository) is part
 * of the outer call's operation and is not folded on its own. The SQL folded is whatever
 * the trace recorded between the call's start and end: statements that other threads add
 * to the same trace meanwhile are folded too.
 */
final class RepositoryOpInterceptor implements MethodInterceptor {

	private static final int MAX_ID_LENGTH = 100;

	/**
	 * The trace whose repository call is running on this thread, so that nested calls
	 * don't fold.
	 */
	private static final ThreadLocal<TraceBuilder> FOLDING = new ThreadLocal<>();

	private final String entity;

	private final Class<?> domainType;

	private final Class<?> idType;

	private final EntityInformation<Object, ?> entityInformation;

	private final Supplier<TracingFailures> failures;

	private final Map<Method, RepositoryMethodShape> shapes = new ConcurrentHashMap<>();

	/**
	 * Create an interceptor for one repository.
	 * @param domainType the repository's domain type
	 * @param idType the type of its ids
	 * @param entityInformation tells new entities and entity ids, or {@code null} when
	 * the store provides none
	 * @param failures where fntrace's own failures go
	 */
	@SuppressWarnings("unchecked")
	RepositoryOpInterceptor(Class<?> domainType, Class<?> idType, EntityInformation<?, ?> entityInformation,
			Supplier<TracingFailures> failures) {
		this.entity = domainType.getSimpleName();
		this.domainType = domainType;
		this.idType = idType;
		this.entityInformation = (EntityInformation<Object, ?>) entityInformation;
		this.failures = failures;
	}

	@Override
	public Object invoke(MethodInvocation invocation) throws Throwable {
		TraceBuilder trace = TraceContext.current();
		if (trace == null) {
			return invocation.proceed();
		}
		TraceBuilder outerFolding = FOLDING.get();
		RepositoryCall call = (outerFolding != trace) ? start(trace, invocation) : null;
		if (call == null) {
			return invocation.proceed();
		}
		FOLDING.set(trace);
		long startNanos = System.nanoTime();
		Object result = null;
		boolean ok = false;
		try {
			result = invocation.proceed();
			ok = true;
			return result;
		}
		finally {
			long durationNanos = System.nanoTime() - startNanos;
			restoreFolding(outerFolding);
			finish(trace, call, invocation, result, ok, startNanos, durationNanos);
		}
	}

	private RepositoryCall start(TraceBuilder trace, MethodInvocation invocation) {
		try {
			RepositoryMethodShape shape = this.shapes.computeIfAbsent(invocation.getMethod(),
					(method) -> RepositoryMethodClassifier.classify(method, this.domainType, this.idType));
			if (!shape.isOperation()) {
				return null;
			}
			Object argument = firstArgument(invocation);
			TraceBuilder.OpsMark mark = trace.markOps();
			return switch (shape.argument()) {
				case ID -> new RepositoryCall(mark, shape.op(), idOf(argument), false);
				case ENTITY -> new RepositoryCall(mark, shape.op(), idOf(entityId(argument)), false);
				case SAVED_ENTITY -> new RepositoryCall(mark, isNew(argument) ? DbOp.INSERT : shape.op(), null, true);
				case SAVED_ENTITIES ->
					new RepositoryCall(mark, allNew(argument) ? DbOp.INSERT : shape.op(), null, false);
				case OTHER -> new RepositoryCall(mark, shape.op(), null, false);
			};
		}
		catch (RuntimeException | LinkageError ex) {
			this.failures.get().record("record a repository call", ex);
			return null;
		}
	}

	private void finish(TraceBuilder trace, RepositoryCall call, MethodInvocation invocation, Object result, boolean ok,
			long startNanos, long durationNanos) {
		try {
			String id = call.id();
			if (call.idOfSavedEntity()) {
				id = idOf(entityId((result != null) ? result : firstArgument(invocation)));
			}
			RepositoryOpFold.fold(trace, call.mark(), call.op(), this.entity, id, startNanos, durationNanos, ok);
		}
		catch (RuntimeException | LinkageError ex) {
			this.failures.get().record("record a repository call", ex);
		}
	}

	private boolean isNew(Object entity) {
		return entity != null && this.entityInformation != null && this.entityInformation.isNew(entity);
	}

	/**
	 * Whether every entity saved is new. Only a collection is looked into: another
	 * iterable might be read only once.
	 */
	private boolean allNew(Object entities) {
		if (!(entities instanceof Collection<?> collection) || collection.isEmpty()) {
			return false;
		}
		for (Object entity : collection) {
			if (!isNew(entity)) {
				return false;
			}
		}
		return true;
	}

	private Object entityId(Object entity) {
		return (entity != null && this.entityInformation != null) ? this.entityInformation.getId(entity) : null;
	}

	private static Object firstArgument(MethodInvocation invocation) {
		Object[] arguments = invocation.getArguments();
		return (arguments.length > 0) ? arguments[0] : null;
	}

	private static String idOf(Object id) {
		if (id == null) {
			return null;
		}
		return BoundedText.cut(String.valueOf(id), MAX_ID_LENGTH);
	}

	private static void restoreFolding(TraceBuilder outer) {
		// set, not remove: the thread keeps its entry (holding null between repository
		// calls), so the next repository call makes no new one
		FOLDING.set(outer);
	}

	/**
	 * A repository call in progress.
	 *
	 * @param mark where the trace's operations stood when it started
	 * @param op its kind
	 * @param id its entity id, or {@code null}
	 * @param idOfSavedEntity whether the id is the saved entity's, known only after the
	 * call
	 */
	private record RepositoryCall(TraceBuilder.OpsMark mark, DbOp op, String id, boolean idOfSavedEntity) {
	}

}
