package dev.fntrace.autoconfigure;

import dev.fntrace.capture.TracingFailures;
import dev.fntrace.metrics.FnTraceMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration that publishes traced calls to the application's
 * {@link MeterRegistry} (see {@link FnTraceMetrics}) and counts fntrace's own failures as
 * {@code fntrace.failures}. Only when Micrometer is present and a registry exists;
 * {@code fntrace.metrics.enabled=false} switches it off.
 */
@AutoConfiguration(after = FnTraceAutoConfiguration.class, afterName = {
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
		"org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ MeterRegistry.class, TracingFailures.class })
@ConditionalOnBooleanProperty(name = "fntrace.metrics.enabled", matchIfMissing = true)
@EnableConfigurationProperties(FnTraceMetricsProperties.class)
public final class FnTraceMetricsAutoConfiguration {

	/** The name of the counter of fntrace's own failures. */
	static final String FAILURES = "fntrace.failures";

	@Bean
	@ConditionalOnMissingBean
	FnTraceMetrics fnTraceMetrics(MeterRegistry registry, FnTraceMetricsProperties properties,
			TracingFailures failures) {
		FunctionCounter.builder(FAILURES, failures, TracingFailures::count)
			.description("Failures inside fntrace; the traced calls were not affected")
			.register(registry);
		return new FnTraceMetrics(registry, properties.getMaxCodesPerFunction());
	}

}
