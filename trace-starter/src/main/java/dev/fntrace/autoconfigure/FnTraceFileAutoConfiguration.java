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

	static TraceFile started(TraceFile file, ObjectProvider<TraceLog> log) {
		TraceLog traceLog = log.getIfAvailable();
		if (traceLog != null) {
			file.reloadInto(traceLog);
		}
		file.start();
		return file;
	}

	static BiConsumer<String, Throwable> failures(ObjectProvider<TracingFailures> failures) {
		TracingFailures tracingFailures = failures.getIfAvailable(TracingFailures::new);
		return tracingFailures::record;
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
			FnTraceProperties.File file = properties.getFile();
			Path path = file.getPath();
			return started(TraceFile.withJackson3(path, file.getMaxSize().toBytes(), failures(failures)), log);
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
			FnTraceProperties.File file = properties.getFile();
			Path path = file.getPath();
			return started(TraceFile.withJackson2(path, file.getMaxSize().toBytes(), failures(failures)), log);
		}

	}

}
