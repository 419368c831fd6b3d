package dev.fntrace.autoconfigure;

import javax.sql.DataSource;

import dev.fntrace.capture.TracingFailures;
import dev.fntrace.capture.jdbc.SqlOpListener;
import dev.fntrace.capture.jdbc.TracingDataSourcePostProcessor;
import net.ttddyy.dsproxy.support.ProxyDataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration that wraps every {@link DataSource} bean with datasource-proxy, so
 * that the SQL statements a traced call runs become operations of its trace.
 */
@AutoConfiguration(after = FnTraceAutoConfiguration.class)
@ConditionalOnClass({ DataSource.class, ProxyDataSource.class })
@ConditionalOnBooleanProperty(name = { "fntrace.enabled", "fntrace.jdbc.enabled" }, matchIfMissing = true)
@EnableConfigurationProperties(FnTraceProperties.class)
public final class FnTraceJdbcAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(TracingFailures.class)
	SqlOpListener fnSqlOpListener(TracingFailures failures, FnTraceProperties properties) {
		return new SqlOpListener(failures, properties.getJdbc().getMaxSqlLength());
	}

	@Bean
	@ConditionalOnMissingBean
	static TracingDataSourcePostProcessor fnTracingDataSourcePostProcessor(ObjectProvider<SqlOpListener> listener,
			ObjectProvider<FnTraceProperties> properties) {
		return new TracingDataSourcePostProcessor(listener,
				() -> properties.getObject().getJdbc().getExcludedDataSourceBeanNames());
	}

}
