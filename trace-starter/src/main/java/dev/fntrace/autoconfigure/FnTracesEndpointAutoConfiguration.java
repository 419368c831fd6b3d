package dev.fntrace.autoconfigure;

import dev.fntrace.actuate.FnTracesEndpoint;
import dev.fntrace.log.TraceLog;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration for the {@link FnTracesEndpoint}, when it is enabled and exposed and there is
 * a {@link TraceLog} to read.
 */
@AutoConfiguration(after = FnTraceAutoConfiguration.class)
@ConditionalOnAvailableEndpoint(FnTracesEndpoint.class)
@EnableConfigurationProperties(FnTraceProperties.class)
public final class FnTracesEndpointAutoConfiguration {

	@Bean
	@ConditionalOnBean(TraceLog.class)
	@ConditionalOnMissingBean
	FnTracesEndpoint fnTracesEndpoint(TraceLog log, FnTraceProperties properties) {
		return new FnTracesEndpoint(log, properties.getEndpoint().getShowValues(),
				properties.getEndpoint().getRoles());
	}

}
