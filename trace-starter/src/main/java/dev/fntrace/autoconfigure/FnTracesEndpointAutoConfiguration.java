package dev.fntrace.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.fntrace.actuate.FnTracesEndpoint;
import dev.fntrace.insight.NPlusOneDetector;
import dev.fntrace.insight.SlowCallThresholds;
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
				properties.getEndpoint().getRoles(),
				new NPlusOneDetector(properties.getInsights().getNPlusOneThreshold()),
				slowCallThresholds(properties.getInsights()));
	}

	private static SlowCallThresholds slowCallThresholds(FnTraceProperties.Insights insights) {
		Map<String, Double> thresholdsMs = new LinkedHashMap<>();
		insights.getSlowThresholds().forEach((fnName, threshold) -> thresholdsMs.put(fnName, millis(threshold)));
		return new SlowCallThresholds(millis(insights.getSlowThreshold()), thresholdsMs);
	}

	private static double millis(Duration duration) {
		return duration.toNanos() / 1_000_000.0;
	}

}
