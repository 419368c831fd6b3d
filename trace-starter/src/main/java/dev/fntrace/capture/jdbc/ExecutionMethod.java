package dev.fntrace.capture.jdbc;

import java.lang.reflect.Method;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * The JDBC methods that execute SQL, looked up once so that a traced statement can hand
 * its listener the {@link Method} it ran, as datasource-proxy's reflective proxies do,
 * without reflection per call.
 */
enum ExecutionMethod {

	EXECUTE(Statement.class, "execute", String.class),

	EXECUTE_AUTO_GENERATED_KEYS(Statement.class, "execute", String.class, int.class),

	EXECUTE_COLUMN_INDEXES(Statement.class, "execute", String.class, int[].class),

	EXECUTE_COLUMN_NAMES(Statement.class, "execute", String.class, String[].class),

	EXECUTE_QUERY(Statement.class, "executeQuery", String.class),

	EXECUTE_UPDATE(Statement.class, "executeUpdate", String.class),

	EXECUTE_UPDATE_AUTO_GENERATED_KEYS(Statement.class, "executeUpdate", String.class, int.class),

	EXECUTE_UPDATE_COLUMN_INDEXES(Statement.class, "executeUpdate", String.class, int[].class),

	EXECUTE_UPDATE_COLUMN_NAMES(Statement.class, "executeUpdate", String.class, String[].class),

	EXECUTE_LARGE_UPDATE(Statement.class, "executeLargeUpdate", String.class),

	EXECUTE_LARGE_UPDATE_AUTO_GENERATED_KEYS(Statement.class, "executeLargeUpdate", String.class, int.class),

	EXECUTE_LARGE_UPDATE_COLUMN_INDEXES(Statement.class, "executeLargeUpdate", String.class, int[].class),

	EXECUTE_LARGE_UPDATE_COLUMN_NAMES(Statement.class, "executeLargeUpdate", String.class, String[].class),

	EXECUTE_BATCH(Statement.class, "executeBatch"),

	EXECUTE_LARGE_BATCH(Statement.class, "executeLargeBatch"),

	EXECUTE_PREPARED(PreparedStatement.class, "execute"),

	EXECUTE_PREPARED_QUERY(PreparedStatement.class, "executeQuery"),

	EXECUTE_PREPARED_UPDATE(PreparedStatement.class, "executeUpdate"),

	EXECUTE_PREPARED_LARGE_UPDATE(PreparedStatement.class, "executeLargeUpdate");

	private final Method method;

	ExecutionMethod(Class<?> type, String name, Class<?>... parameterTypes) {
		try {
			this.method = type.getMethod(name, parameterTypes);
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
	}

	Method method() {
		return this.method;
	}

}
