package dev.fntrace.capture.jdbc;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

import net.ttddyy.dsproxy.ConnectionInfo;
import net.ttddyy.dsproxy.listener.NoOpQueryExecutionListener;
import net.ttddyy.dsproxy.proxy.ProxyConfig;
import net.ttddyy.dsproxy.proxy.SimpleResultSetProxyLogicFactory;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

/**
 * Every method of the hand-written JDBC delegates reaches the driver's object with the
 * same arguments, exactly once, except those a delegate answers itself (listed here).
 */
class JdbcDelegationTests {

	private final ProxyConfig config = ProxyConfig.Builder.create()
		.dataSourceName("test")
		.queryListener(new NoOpQueryExecutionListener())
		.jdbcProxyFactory(new TracingJdbcProxyFactory())
		.resultSetProxyLogicFactory(new SimpleResultSetProxyLogicFactory())
		.build();

	private final ConnectionInfo connectionInfo = new ConnectionInfo();

	@TestFactory
	Stream<DynamicTest> connectionDelegatesEveryMethod() {
		return delegation(Connection.class, (target) -> new TracingConnection(target, this.connectionInfo, this.config),
				Set.of());
	}

	@TestFactory
	Stream<DynamicTest> statementDelegatesEveryMethod() {
		Connection connection = mock(Connection.class);
		return delegation(Statement.class,
				(target) -> new TracingStatement(target, this.connectionInfo, connection, this.config),
				Set.of("getConnection()"));
	}

	@TestFactory
	Stream<DynamicTest> preparedStatementDelegatesEveryMethod() {
		Connection connection = mock(Connection.class);
		return delegation(PreparedStatement.class, (target) -> new TracingPreparedStatement(target, "SELECT 1",
				this.connectionInfo, connection, this.config), Set.of("getConnection()"));
	}

	@TestFactory
	Stream<DynamicTest> rowCountingResultSetDelegatesEveryMethod() {
		return delegation(ResultSet.class, RowCountingResultSet::wrap, Set.of());
	}

	private static <T> Stream<DynamicTest> delegation(Class<T> type, Function<T, T> wrap, Set<String> answeredItself) {
		Map<String, Method> methods = new TreeMap<>();
		for (Method method : type.getMethods()) {
			if (!Modifier.isStatic(method.getModifiers())) {
				methods.putIfAbsent(signature(method), method);
			}
		}
		assertThat(methods.keySet()).containsAll(answeredItself);
		return methods.entrySet()
			.stream()
			.filter((entry) -> !answeredItself.contains(entry.getKey()))
			.sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
			.map((entry) -> DynamicTest.dynamicTest(entry.getKey(), () -> {
				Method method = entry.getValue();
				T target = mock(type);
				T wrapper = wrap.apply(target);
				Object[] arguments = defaultArguments(method);
				method.invoke(wrapper, arguments);
				method.invoke(verify(target), arguments);
				verifyNoMoreInteractions(target);
			}));
	}

	private static String signature(Method method) {
		return method.getName() + Arrays.stream(method.getParameterTypes())
			.map(Class::getSimpleName)
			.reduce((left, right) -> left + ", " + right)
			.map((parameters) -> "(" + parameters + ")")
			.orElse("()");
	}

	private static Object[] defaultArguments(Method method) {
		Class<?>[] types = method.getParameterTypes();
		Object[] arguments = new Object[types.length];
		for (int i = 0; i < types.length; i++) {
			arguments[i] = defaultValue(types[i]);
		}
		return arguments;
	}

	private static Object defaultValue(Class<?> type) {
		if (type == boolean.class) {
			return true;
		}
		if (type == int.class) {
			return 3;
		}
		if (type == long.class) {
			return 4L;
		}
		if (type == short.class) {
			return (short) 5;
		}
		if (type == byte.class) {
			return (byte) 6;
		}
		if (type == float.class) {
			return 7.0f;
		}
		if (type == double.class) {
			return 8.0;
		}
		if (type == String.class) {
			return "SELECT 1";
		}
		if (type == Class.class) {
			// not a type the mock is, so that unwrap and isWrapperFor must ask it
			return String.class;
		}
		if (type.isArray()) {
			return Array.newInstance(type.getComponentType(), 1);
		}
		return null;
	}

}
