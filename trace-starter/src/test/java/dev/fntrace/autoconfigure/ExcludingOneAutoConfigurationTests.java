package dev.fntrace.autoconfigure;

import javax.sql.DataSource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Excluding any one fntrace auto-configuration ({@code spring.autoconfigure.exclude})
 * never breaks start-up, and the rest keeps working.
 */
class ExcludingOneAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurationTestSupport.ALL)
		.withBean(Greeter.class)
		.withBean(DataSource.class, SimpleDriverDataSource::new)
		.withBean(DataSourceTransactionManager.class,
				() -> new DataSourceTransactionManager(new SimpleDriverDataSource()))
		.withPropertyValues("management.endpoints.web.exposure.include=fntraces");

	@ParameterizedTest
	@ValueSource(classes = { FnTraceAutoConfiguration.class, FnTraceJdbcAutoConfiguration.class,
			FnTraceTransactionAutoConfiguration.class, FnTracesEndpointAutoConfiguration.class,
			FnTraceSchedulingAutoConfiguration.class, FnTraceDataAutoConfiguration.class,
			FnTraceWebAutoConfiguration.class })
	void startsWithoutIt(Class<?> excluded) {
		this.runner.withPropertyValues("spring.autoconfigure.exclude=" + excluded.getName()).run((context) -> {
			assertThat(context).hasNotFailed();
			if (excluded != FnTraceAutoConfiguration.class) {
				AutoConfigurationTestSupport.assertRecordsTracedCalls(context);
			}
			else {
				assertThat(context.getBean(Greeter.class).greet("x")).isEqualTo("hello x");
			}
		});
	}

}
