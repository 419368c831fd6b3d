package dev.fntrace.autoconfigure;

import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import dev.fntrace.actuate.FnTracesEndpoint;
import dev.fntrace.capture.TracingFailures;
import dev.fntrace.insight.NPlusOneDetector;
import dev.fntrace.log.TraceLog;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration for the {@link FnTracesEndpoint}, when Spring Boot's actuator is on
 * the classpath, the endpoint is enabled and exposed, and there is a {@link TraceLog} to
 * read. Recording needs none of it.
 */
@AutoConfiguration(after = FnTraceAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
public final class FnTracesEndpointAutoConfiguration {

	/**
	 * When recorded values are shown: the endpoint's setting, else its deprecated key,
	 * else never. Also decides whether spans carry the user.
	 */
	@SuppressWarnings("deprecation")
	static Show showValues(FnTracesEndpointProperties properties, DeprecatedFnTracesEndpointProperties deprecated) {
		return (properties.getShowValues() != null) ? properties.getShowValues()
				: (deprecated.getShowValues() != null) ? deprecated.getShowValues() : Show.NEVER;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnAvailableEndpoint(FnTracesEndpoint.class)
	@EnableConfigurationProperties({ FnTraceProperties.class, FnTracesEndpointProperties.class,
			DeprecatedFnTracesEndpointProperties.class })
	static class EndpointConfiguration {

		@Bean
		@ConditionalOnBean(TraceLog.class)
		@ConditionalOnMissingBean
		@SuppressWarnings("deprecation")
		FnTracesEndpoint fnTracesEndpoint(TraceLog log, FnTraceProperties traceProperties,
				FnTracesEndpointProperties properties, DeprecatedFnTracesEndpointProperties deprecated,
				ObjectProvider<TracingFailures> failures) {
			Show showValues = showValues(properties, deprecated);
			Set<String> roles = !properties.getRoles().isEmpty() ? properties.getRoles() : deprecated.getRoles();
			Supplier<Map<String, Long>> failureCounts = () -> {
				TracingFailures tracingFailures = failures.getIfAvailable();
				return (tracingFailures != null) ? tracingFailures.counts() : Map.of();
			};
			FnTraceProperties.Insights insights = traceProperties.getInsights();
			return new FnTracesEndpoint(log, showValues, roles, new NPlusOneDetector(insights.getNPlusOneThreshold()),
					insights.slowCallThresholds(), failureCounts, properties.getTraceLink());
		}

	}

}
