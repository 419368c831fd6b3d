package dev.fntrace.capture.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.ResultSet;
import java.util.function.LongSupplier;

/**
 * A {@link ResultSet} proxy that counts the rows its reader moves to with {@code next()}.
 * Made only for statements run inside a traced call.
 */
final class RowCountingResultSet implements InvocationHandler, LongSupplier {

	private static final Method NEXT;

	private static final Method ROWS;

	static {
		try {
			NEXT = ResultSet.class.getMethod("next");
			ROWS = RowCounted.class.getMethod("rows");
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private final ResultSet target;

	private volatile long rows;

	private RowCountingResultSet(ResultSet target) {
		this.target = target;
	}

	static ResultSet wrap(ResultSet target) {
		return (ResultSet) Proxy.newProxyInstance(RowCountingResultSet.class.getClassLoader(),
				new Class<?>[] { ResultSet.class, RowCounted.class }, new RowCountingResultSet(target));
	}

	@Override
	public long getAsLong() {
		return this.rows;
	}

	@Override
	public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
		if (method.equals(NEXT)) {
			boolean moved = this.target.next();
			if (moved) {
				this.rows++;
			}
			return moved;
		}
		if (method.equals(ROWS)) {
			return this;
		}
		if (method.getDeclaringClass() == Object.class) {
			return switch (method.getName()) {
				case "equals" -> proxy == args[0];
				case "hashCode" -> System.identityHashCode(proxy);
				case "toString" -> "RowCounting[" + this.target + "]";
				default -> method.invoke(this.target, args);
			};
		}
		try {
			return method.invoke(this.target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getTargetException();
		}
	}

	/**
	 * Implemented by the proxy so the query listener can find the count.
	 */
	interface RowCounted {

		LongSupplier rows();

	}

}
