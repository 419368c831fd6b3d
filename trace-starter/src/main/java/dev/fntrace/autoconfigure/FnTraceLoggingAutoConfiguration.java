package dev.fntrace.autoconfigure;

import dev.fntrace.logging.CallLogger;
import org.slf4j.spi.LoggingEventBuilder;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration that writes slow and failed calls as one log line each, when
 * {@code fntrace.logging.enabled} is on and SLF4J 2 (its fluent API) is present. "Slow"
 * is what the endpoint's insights call slow.
 */
@AutoConfiguration(after = FnTraceAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "fntrace.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty("fntrace.logging.enabled")
@ConditionalOnClass(LoggingEventBuilder.class)
@EnableConfigurationProperties(FnTraceProperties.class)
public final class FnTraceLoggingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CallLogger fnCallLogger(FnTraceProperties properties) {
		FnTraceProperties.Logging logging = properties.getLogging();
		return new CallLogger(properties.getInsights().slowCallThresholds(), logging.isSlow(), logging.isFailed());
	}

}
