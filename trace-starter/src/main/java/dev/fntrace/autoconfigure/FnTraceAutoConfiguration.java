package dev.fntrace.autoconfigure;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fntrace.capture.CallIdGenerator;
import dev.fntrace.capture.CompletionStageResultHandler;
import dev.fntrace.capture.FnDescriptorResolver;
import dev.fntrace.capture.PendingResultHandler;
import dev.fntrace.capture.TraceRecorder;
import dev.fntrace.capture.TracedAdvisor;
import dev.fntrace.capture.TracedInterceptor;
import dev.fntrace.capture.TracingFailures;
import dev.fntrace.capture.ValueRecorder;
import dev.fntrace.capture.identity.RequestHeaderTenantIdResolver;
import dev.fntrace.capture.identity.SecurityContextUserIdResolver;
import dev.fntrace.capture.identity.ServletPrincipalUserIdResolver;
import dev.fntrace.capture.identity.TenantIdResolver;
import dev.fntrace.capture.identity.UserIdResolver;
import dev.fntrace.log.InMemoryTraceLog;
import dev.fntrace.log.TraceLog;
import dev.fntrace.log.TraceSink;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Auto-configuration that records a trace of every {@link dev.fntrace.Traced @Traced} call into a
 * {@link TraceLog} and any other {@link TraceSink} beans. Every bean backs off when the application
 * defines its own.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "fntrace.enabled", matchIfMissing = true)
@EnableConfigurationProperties(FnTraceProperties.class)
public final class FnTraceAutoConfiguration {

	private static final boolean SERVLET_PRESENT = isPresent("jakarta.servlet.http.HttpServletRequest")
			&& isPresent("org.springframework.web.context.request.RequestContextHolder");

	private static final boolean SECURITY_PRESENT = isPresent(
			"org.springframework.security.core.context.SecurityContextHolder");

	@Bean
	@ConditionalOnMissingBean(TraceLog.class)
	InMemoryTraceLog fnTraceLog(FnTraceProperties properties) {
		return new InMemoryTraceLog(properties.getCapacity());
	}

	@Bean
	@ConditionalOnMissingBean
	TracingFailures fnTracingFailures() {
		return new TracingFailures();
	}

	@Bean
	@ConditionalOnMissingBean
	CallIdGenerator fnCallIdGenerator() {
		return new CallIdGenerator();
	}

	@Bean
	@ConditionalOnMissingBean
	FnDescriptorResolver fnDescriptorResolver(FnTraceProperties properties) {
		return new FnDescriptorResolver(properties.getInclude(), properties.getExclude());
	}

	@Bean
	@ConditionalOnMissingBean
	UserIdResolver fnUserIdResolver() {
		UserIdResolver servlet = SERVLET_PRESENT ? new ServletPrincipalUserIdResolver() : () -> null;
		return SECURITY_PRESENT ? new SecurityContextUserIdResolver(servlet) : servlet;
	}

	@Bean
	@ConditionalOnMissingBean
	TenantIdResolver fnTenantIdResolver(FnTraceProperties properties) {
		return SERVLET_PRESENT ? new RequestHeaderTenantIdResolver(properties.getTenantHeader()) : () -> null;
	}

	@Bean
	@ConditionalOnMissingBean
	TraceRecorder fnTraceRecorder(FnTraceProperties properties, CallIdGenerator callIds, UserIdResolver users,
			TenantIdResolver tenants, ObjectProvider<ValueRecorder> values, ObjectProvider<TraceSink> sinks,
			TracingFailures failures, ObjectProvider<PendingResultHandler> pendingResults) {
		return new TraceRecorder(callIds, users, tenants, properties.isRecordValues() ? values.getIfAvailable() : null,
				sinks.orderedStream().toList(), properties.getMaxOpsPerTrace(), properties.getMaxMessageLength(),
				failures, pendingResults.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	CompletionStageResultHandler fnCompletionStageResultHandler() {
		return new CompletionStageResultHandler();
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	@ConditionalOnMissingBean
	static TracedAdvisor fnTracedAdvisor(ObjectProvider<FnDescriptorResolver> descriptors,
			ObjectProvider<TraceRecorder> recorder, ObjectProvider<TracingFailures> failures, Environment environment) {
		boolean traceHandlers = environment.getProperty("fntrace.web.trace-handlers", Boolean.class, false);
		return new TracedAdvisor(
				new TracedInterceptor(descriptors::getObject, recorder::getObject, failures::getObject),
				traceHandlers);
	}

	private static boolean isPresent(String className) {
		return ClassUtils.isPresent(className, FnTraceAutoConfiguration.class.getClassLoader());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(JsonMapper.class)
	@ConditionalOnBooleanProperty("fntrace.record-values")
	static class JacksonValueRecorderConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ValueRecorder fnValueRecorder(ObjectProvider<JsonMapper> jsonMapper) {
			JsonMapper mapper = jsonMapper.getIfAvailable(JsonMapper::new);
			return mapper::writeValueAsString;
		}

	}

	/**
	 * Values written by Jackson 2, as in Spring Boot 3 applications: only when Jackson 3 is absent.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ObjectMapper.class)
	@ConditionalOnMissingClass("tools.jackson.databind.json.JsonMapper")
	@ConditionalOnBooleanProperty("fntrace.record-values")
	static class Jackson2ValueRecorderConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ValueRecorder fnValueRecorder(ObjectProvider<ObjectMapper> objectMapper) {
			ObjectMapper mapper = objectMapper.getIfAvailable(ObjectMapper::new);
			return mapper::writeValueAsString;
		}

	}

}
