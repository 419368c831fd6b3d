package dev.fntrace.autoconfigure;

import dev.fntrace.capture.data.TracingRepositoryPostProcessor;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FnTraceDataAutoConfiguration}: recording of repository calls.
 */
class FnTraceDataAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(FnTraceAutoConfiguration.class, FnTraceDataAutoConfiguration.class));

	@Test
	void recordsRepositoryCalls() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(TracingRepositoryPostProcessor.class));
	}

	@Test
	void canBeSwitchedOff() {
		this.runner.withPropertyValues("fntrace.data.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(TracingRepositoryPostProcessor.class));
	}

	@Test
	void isAbsentWithoutSpringData() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.data"))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(TracingRepositoryPostProcessor.class));
	}

}
