package dev.fntrace.capture.jdbc;

import java.sql.ResultSet;

import dev.fntrace.context.TraceContext;
import net.ttddyy.dsproxy.ConnectionInfo;
import net.ttddyy.dsproxy.proxy.ProxyConfig;
import net.ttddyy.dsproxy.proxy.jdk.JdkJdbcProxyFactory;

/**
 * datasource-proxy's JDK proxy factory, except that a query's {@link ResultSet} is
 * wrapped to count rows only when a traced call is running: outside traced calls the
 * driver's result set is handed back untouched.
 */
final class TracingJdbcProxyFactory extends JdkJdbcProxyFactory {

	@Override
	public ResultSet createResultSet(ResultSet resultSet, ConnectionInfo connectionInfo, ProxyConfig proxyConfig) {
		return (TraceContext.current() != null) ? RowCountingResultSet.wrap(resultSet) : resultSet;
	}

}
