package dev.fntrace.capture.jdbc;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.proxy.NanoTimeStopwatchFactory;
import net.ttddyy.dsproxy.proxy.ProxyConfig;
import net.ttddyy.dsproxy.proxy.SimpleResultSetProxyLogicFactory;
import net.ttddyy.dsproxy.support.ProxyDataSource;

/**
 * Wraps a {@link DataSource} with datasource-proxy so that its statements reach a
 * {@link SqlOpListener}: a {@link ProxyDataSource} whose connections and statements are
 * hand-written delegates ({@link TracingProxyDataSource},
 * {@link TracingJdbcProxyFactory}).
 */
final class TracingDataSources {

	private TracingDataSources() {
	}

	/**
	 * Wrap a data source.
	 * @param dataSource the data source
	 * @param name its name (the bean name)
	 * @param listener the listener
	 * @return the wrapped data source
	 */
	static DataSource wrap(DataSource dataSource, String name, SqlOpListener listener) {
		ProxyConfig config = ProxyConfig.Builder.create()
			.dataSourceName(name)
			.queryListener(listener)
			.jdbcProxyFactory(new TracingJdbcProxyFactory())
			.resultSetProxyLogicFactory(new SimpleResultSetProxyLogicFactory())
			.stopwatchFactory(new NanoTimeStopwatchFactory())
			.build();
		return new TracingProxyDataSource(dataSource, config);
	}

	/**
	 * Whether a data source is already wrapped by datasource-proxy.
	 * @param dataSource the data source
	 * @return {@code true} if it is
	 */
	static boolean isWrapped(DataSource dataSource) {
		return dataSource instanceof ProxyDataSource;
	}

}
