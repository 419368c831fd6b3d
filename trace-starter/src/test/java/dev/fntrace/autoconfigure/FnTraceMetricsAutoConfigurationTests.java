package dev.fntrace.autoconfigure;

import dev.fntrace.capture.TracingFailures;
import dev.fntrace.metrics.FnTraceMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FnTraceMetricsAutoConfiguration}: meters only where a registry exists, and a
 * switch to turn them off.
 */
class FnTraceMetricsAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurationTestSupport.ALL)
		.withConfiguration(AutoConfigurations.of(FnTraceMetricsAutoConfiguration.class))
		.withBean(Greeter.class);

	@Test
	void timesTracedCallsInTheApplicationsRegistry() {
		this.runner.withBean(SimpleMeterRegistry.class).run((context) -> {
			assertThat(context).hasSingleBean(FnTraceMetrics.class);
			AutoConfigurationTestSupport.assertRecordsTracedCalls(context);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get(FnTraceMetrics.CALLS)
				.tags("fn", "Greeter.greet", "type", "action", "status", "ok", "code", "none")
				.timer()
				.count()).isEqualTo(1);
			assertThat(registry.get(FnTraceMetrics.OPS_PER_CALL).tag("fn", "Greeter.greet").summary().count())
				.isEqualTo(1);
		});
	}

	@Test
	void countsFntracesOwnFailures() {
		this.runner.withBean(SimpleMeterRegistry.class).run((context) -> {
			context.getBean(TracingFailures.class).record("test", new IllegalStateException("boom"));
			assertThat(context.getBean(MeterRegistry.class)
				.get(FnTraceMetricsAutoConfiguration.FAILURES)
				.functionCounter()
				.count()).isEqualTo(1.0);
		});
	}

	@Test
	void backsOffWithoutARegistry() {
		this.runner.run((context) -> {
			assertThat(context).doesNotHaveBean(FnTraceMetrics.class);
			AutoConfigurationTestSupport.assertRecordsTracedCalls(context);
		});
	}

	@Test
	void backsOffWithoutMicrometer() {
		this.runner.withClassLoader(new FilteredClassLoader("io.micrometer.core")).run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(FnTraceMetrics.class);
			AutoConfigurationTestSupport.assertRecordsTracedCalls(context);
		});
	}

	@Test
	void canBeSwitchedOff() {
		this.runner.withBean(SimpleMeterRegistry.class)
			.withPropertyValues("fntrace.metrics.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(FnTraceMetrics.class));
	}

	@Test
	void rejectsANegativeCodeLimit() {
		this.runner.withBean(SimpleMeterRegistry.class)
			.withPropertyValues("fntrace.metrics.max-codes-per-function=-1")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("max-codes-per-function"));
	}

}
