package dev.fntrace.capture.jdbc;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import dev.fntrace.context.TraceContext;
import net.ttddyy.dsproxy.ConnectionInfo;
import net.ttddyy.dsproxy.proxy.ProxyConfig;
import net.ttddyy.dsproxy.proxy.jdk.JdkJdbcProxyFactory;

/**
 * datasource-proxy's proxy factory with hand-written delegates instead of reflective JDK
 * proxies for connections, statements and prepared statements, so that a JDBC call costs
 * a plain method call. A query's {@link ResultSet} is wrapped to count rows only when a
 * traced call is running: outside traced calls the driver's result set is handed back
 * untouched. Callable statements (rare) and generated keys (when their proxy is enabled)
 * still get datasource-proxy's JDK proxies.
 * <p>
 * The delegates honour the {@link ProxyConfig}'s query listener, result set and generated
 * keys proxies and connection id manager; they apply no query or parameter transformer,
 * call no method listener, do not retrieve generated keys by themselves, and do not
 * record parameter values: {@link TracingDataSources} configures none of that.
 */
final class TracingJdbcProxyFactory extends JdkJdbcProxyFactory {

	@Override
	public Connection createConnection(Connection connection, ConnectionInfo connectionInfo, ProxyConfig config) {
		return new TracingConnection(connection, connectionInfo, config);
	}

	@Override
	public Statement createStatement(Statement statement, ConnectionInfo connectionInfo, Connection connection,
			ProxyConfig config) {
		return new TracingStatement(statement, connectionInfo, connection, config);
	}

	@Override
	public PreparedStatement createPreparedStatement(PreparedStatement statement, String sql,
			ConnectionInfo connectionInfo, Connection connection, ProxyConfig config, boolean generateKeys) {
		return new TracingPreparedStatement(statement, sql, connectionInfo, connection, config);
	}

	/**
	 * datasource-proxy's JDK proxy: callable statements are rare enough not to need a
	 * delegate of their own.
	 */
	@Override
	public CallableStatement createCallableStatement(CallableStatement statement, String sql,
			ConnectionInfo connectionInfo, Connection connection, ProxyConfig config) {
		return super.createCallableStatement(statement, sql, connectionInfo, connection, config);
	}

	@Override
	public ResultSet createResultSet(ResultSet resultSet, ConnectionInfo connectionInfo, ProxyConfig config) {
		return (TraceContext.current() != null) ? RowCountingResultSet.wrap(resultSet) : resultSet;
	}

}
