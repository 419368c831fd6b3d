package dev.fntrace.autoconfigure;

import java.util.Map;

import dev.fntrace.insight.SlowCallThresholds;
import dev.fntrace.logging.CallLogger;
import org.junit.jupiter.api.Test;
import org.slf4j.spi.LoggingEventBuilder;

import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FnTraceLoggingAutoConfiguration}: off by default, on when enabled and SLF4J 2 is
 * present, backing off to the application's own logger.
 */
class FnTraceLoggingAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurationTestSupport.ALL)
		.withBean(Greeter.class);

	@Test
	void noLogLinesByDefault() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(CallLogger.class));
	}

	@Test
	void logLinesWhenEnabled() {
		this.runner.withPropertyValues("fntrace.logging.enabled=true").run((context) -> {
			assertThat(context).hasSingleBean(CallLogger.class);
			AutoConfigurationTestSupport.assertRecordsTracedCalls(context);
		});
	}

	@Test
	void noLogLinesWithoutTheFluentLoggingApi() {
		this.runner.withPropertyValues("fntrace.logging.enabled=true")
			.withClassLoader(new FilteredClassLoader(LoggingEventBuilder.class))
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(CallLogger.class);
				AutoConfigurationTestSupport.assertRecordsTracedCalls(context);
			});
	}

	@Test
	void backsOffFromTheApplicationsLogger() {
		CallLogger own = new CallLogger(new SlowCallThresholds(1, Map.of()), true, true);
		this.runner.withPropertyValues("fntrace.logging.enabled=true")
			.withBean(CallLogger.class, () -> own)
			.run((context) -> assertThat(context.getBean(CallLogger.class)).isSameAs(own));
	}

}
