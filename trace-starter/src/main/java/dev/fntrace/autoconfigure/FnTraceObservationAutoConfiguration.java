package dev.fntrace.autoconfigure;

import dev.fntrace.observation.FnTraceObservations;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration that makes each traced call a Micrometer Observation (see
 * {@link FnTraceObservations}) when Micrometer Tracing is present and an
 * {@link ObservationRegistry} exists. Spans carry the user only when the endpoint's
 * {@code show-values} policy is {@code always}. Without Micrometer Tracing nothing is
 * registered and the recorder calls no observer;
 * {@code fntrace.observation.enabled=false} switches it off.
 */
@AutoConfiguration(before = FnTraceAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
				"org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
				"org.springframework.boot.micrometer.tracing.autoconfigure.BraveAutoConfiguration",
				"org.springframework.boot.micrometer.tracing.autoconfigure.OpenTelemetryTracingAutoConfiguration",
				"org.springframework.boot.micrometer.tracing.autoconfigure.NoopTracerAutoConfiguration",
				"org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration",
				"org.springframework.boot.actuate.autoconfigure.tracing.MicrometerTracingAutoConfiguration",
				"org.springframework.boot.actuate.autoconfigure.tracing.BraveAutoConfiguration",
				"org.springframework.boot.actuate.autoconfigure.tracing.OpenTelemetryTracingAutoConfiguration",
				"org.springframework.boot.actuate.autoconfigure.tracing.NoopTracerAutoConfiguration" })
@ConditionalOnClass({ ObservationRegistry.class, Tracer.class })
@ConditionalOnBean(ObservationRegistry.class)
@ConditionalOnBooleanProperty(name = "fntrace.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "fntrace.observation.enabled", matchIfMissing = true)
public final class FnTraceObservationAutoConfiguration {

	/**
	 * With the actuator: spans carry the user only where the endpoint's show-values
	 * setting is {@code always}.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Show.class)
	@EnableConfigurationProperties({ FnTracesEndpointProperties.class, DeprecatedFnTracesEndpointProperties.class })
	static class ShowValuesObservationConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@SuppressWarnings("deprecation")
		FnTraceObservations fnTraceObservations(ObservationRegistry registry, ObjectProvider<Tracer> tracer,
				FnTracesEndpointProperties properties, DeprecatedFnTracesEndpointProperties deprecated) {
			boolean includeUser = FnTracesEndpointAutoConfiguration.showValues(properties, deprecated) == Show.ALWAYS;
			return new FnTraceObservations(registry, tracer.getIfUnique(), includeUser);
		}

	}

	/**
	 * Without the actuator there is no show-values setting: spans never carry the user.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("org.springframework.boot.actuate.endpoint.Show")
	static class PrivateObservationConfiguration {

		@Bean
		@ConditionalOnMissingBean
		FnTraceObservations fnTraceObservations(ObservationRegistry registry, ObjectProvider<Tracer> tracer) {
			return new FnTraceObservations(registry, tracer.getIfUnique(), false);
		}

	}

}
