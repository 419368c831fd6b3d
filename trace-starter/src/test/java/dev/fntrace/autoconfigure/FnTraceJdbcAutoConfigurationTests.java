package dev.fntrace.autoconfigure;

import javax.sql.DataSource;

import dev.fntrace.capture.jdbc.SqlOpListener;
import dev.fntrace.capture.jdbc.TracingDataSourcePostProcessor;
import dev.fntrace.log.TraceLog;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FnTraceJdbcAutoConfiguration}: which data sources are wrapped.
 */
class FnTraceJdbcAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(FnTraceAutoConfiguration.class, FnTraceJdbcAutoConfiguration.class));

	@Test
	void wrapsDataSources() {
		this.runner.withBean(DataSource.class, SimpleDriverDataSource::new).run((context) -> {
			assertThat(context).hasSingleBean(SqlOpListener.class);
			assertThat(context.getBean(DataSource.class)).isInstanceOf(ProxyDataSource.class);
		});
	}

	@Test
	void leavesExcludedDataSourcesAlone() {
		this.runner.withPropertyValues("fntrace.jdbc.excluded-data-source-bean-names=reporting")
			.withBean("reporting", DataSource.class, SimpleDriverDataSource::new)
			.run((context) -> assertThat(context.getBean(DataSource.class)).isNotInstanceOf(ProxyDataSource.class));
	}

	@Test
	void leavesTheTargetOfAScopedProxyAlone() {
		String target = ScopedProxyUtils.getTargetBeanName("dataSource");
		this.runner.withBean(target, DataSource.class, SimpleDriverDataSource::new)
			.run((context) -> assertThat(context.getBean(target)).isNotInstanceOf(ProxyDataSource.class));
	}

	@Test
	void canBeSwitchedOff() {
		this.runner.withPropertyValues("fntrace.jdbc.enabled=false")
			.withBean(DataSource.class, SimpleDriverDataSource::new)
			.run((context) -> {
				assertThat(context.getBean(DataSource.class)).isNotInstanceOf(ProxyDataSource.class);
				assertThat(context).hasSingleBean(TraceLog.class);
			});
	}

	@Test
	void isOffWhenTracingIsOff() {
		this.runner.withPropertyValues("fntrace.enabled=false")
			.withBean(DataSource.class, SimpleDriverDataSource::new)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(TracingDataSourcePostProcessor.class);
				assertThat(context.getBean(DataSource.class)).isNotInstanceOf(ProxyDataSource.class);
			});
	}

	@Test
	void wrapsNothingWhenTheCoreAutoConfigurationIsExcluded() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(FnTraceJdbcAutoConfiguration.class))
			.withBean(DataSource.class, SimpleDriverDataSource::new)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(DataSource.class)).isNotInstanceOf(ProxyDataSource.class);
			});
	}

}
