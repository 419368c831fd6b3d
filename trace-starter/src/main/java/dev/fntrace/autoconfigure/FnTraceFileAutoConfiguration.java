package dev.fntrace.autoconfigure;

import java.nio.file.Path;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fntrace.capture.TracingFailures;
import dev.fntrace.file.TraceFile;
import dev.fntrace.log.TraceLog;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of a {@link TraceFile} when {@code fntrace.file.path} is set: every
 * trace is appended to it, and the traces it holds are read back into the
 * {@link TraceLog} when the application starts, before it serves. Written with Jackson 3,
 * or Jackson 2 where Jackson 3 is absent; without either it backs off.
 */
@AutoConfiguration(after = FnTraceAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "fntrace.enabled", matchIfMissing = true)
@ConditionalOnProperty("fntrace.file.path")
@EnableConfigurationProperties(FnTraceProperties.class)
public final class FnTraceFileAutoConfiguration {

	static TraceFile started(FnTraceProperties properties, ObjectProvider<TraceLog> log,
			ObjectProvider<TracingFailures> failures, TraceFileOpener opener) {
		FnTraceProperties.File settings = properties.getFile();
		TracingFailures tracingFailures = failures.getIfAvailable(TracingFailures::new);
		TraceFile file = opener.open(settings.getPath(), settings.getMaxSize().toBytes(), tracingFailures::record);
		TraceLog traceLog = log.getIfAvailable();
		if (traceLog != null) {
			file.reloadInto(traceLog);
		}
		file.start();
		return file;
	}

	/**
	 * Opens a trace file with one version of Jackson.
	 */
	@FunctionalInterface
	interface TraceFileOpener {

		TraceFile open(Path path, long maxSize, BiConsumer<String, Throwable> failures);

	}

	/**
	 * The file written with Jackson 3.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(JsonMapper.class)
	static class Jackson3TraceFileConfiguration {

		@Bean
		@ConditionalOnMissingBean
		TraceFile fnTraceFile(FnTraceProperties properties, ObjectProvider<TraceLog> log,
				ObjectProvider<TracingFailures> failures) {
			return started(properties, log, failures, TraceFile::withJackson3);
		}

	}

	/**
	 * The file written with Jackson 2, as in Spring Boot 3 applications: only when
	 * Jackson 3 is absent.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ObjectMapper.class)
	@ConditionalOnMissingClass("tools.jackson.databind.json.JsonMapper")
	static class Jackson2TraceFileConfiguration {

		@Bean
		@ConditionalOnMissingBean
		TraceFile fnTraceFile(FnTraceProperties properties, ObjectProvider<TraceLog> log,
				ObjectProvider<TracingFailures> failures) {
			return started(properties, log, failures, TraceFile::withJackson2);
		}

	}

}
