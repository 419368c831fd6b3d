package dev.fntrace.capture.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.ConnectionInfo;
import net.ttddyy.dsproxy.proxy.ProxyConfig;
import net.ttddyy.dsproxy.support.ProxyDataSource;

/**
 * datasource-proxy's {@link ProxyDataSource}, except that it hands out connections
 * without reflection: it asks the target for a connection directly and gives it an id and
 * a {@link ConnectionInfo} as {@code ProxyDataSource} does, then lets the proxy factory
 * wrap it. Method listeners of the {@link ProxyConfig} are not called: fntrace configures
 * none.
 */
final class TracingProxyDataSource extends ProxyDataSource {

	TracingProxyDataSource(DataSource target, ProxyConfig config) {
		super(target);
		setProxyConfig(config);
	}

	@Override
	public Connection getConnection() throws SQLException {
		return wrap(getDataSource().getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return wrap(getDataSource().getConnection(username, password));
	}

	private Connection wrap(Connection connection) throws SQLException {
		ProxyConfig config = getProxyConfig();
		ConnectionInfo connectionInfo = new ConnectionInfo();
		connectionInfo.setConnectionId(config.getConnectionIdManager().getId(connection));
		connectionInfo.setDataSourceName(config.getDataSourceName());
		if (config.isRetrieveIsolationLevel()) {
			connectionInfo.setIsolationLevel(connection.getTransactionIsolation());
		}
		return config.getJdbcProxyFactory().createConnection(connection, connectionInfo, config);
	}

}
