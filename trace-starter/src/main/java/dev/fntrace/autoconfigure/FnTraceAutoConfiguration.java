package dev.fntrace.autoconfigure;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fntrace.capture.CallIdGenerator;
import dev.fntrace.capture.CallObserver;
import dev.fntrace.capture.FnDescriptorResolver;
import dev.fntrace.capture.OutcomeRules;
import dev.fntrace.capture.PendingResultHandler;
import dev.fntrace.capture.TraceRecorder;
import dev.fntrace.capture.TracedAdvisor;
import dev.fntrace.capture.TracingFailures;
import dev.fntrace.capture.ValueRecorder;
import dev.fntrace.capture.identity.TenantIdResolver;
import dev.fntrace.capture.identity.UserIdResolver;
import dev.fntrace.log.InMemoryTraceLog;
import dev.fntrace.log.TraceLog;
import dev.fntrace.log.TraceSink;
import dev.fntrace.model.TraceLimits;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration that records a trace of every {@link dev.fntrace.Traced @Traced}
 * call into a {@link TraceLog} and any other {@link TraceSink} beans. Needs nothing but
 * Spring: who called is read from the servlet request and Spring Security only where they
 * are on the classpath (see {@link IdentityConfigurations}), else not at all. Every bean
 * backs off when the application defines its own.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "fntrace.enabled", matchIfMissing = true)
@EnableConfigurationProperties(FnTraceProperties.class)
@Import({ IdentityConfigurations.SecurityUserConfiguration.class,
		IdentityConfigurations.ServletIdentityConfiguration.class })
public final class FnTraceAutoConfiguration {

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
		return () -> null;
	}

	@Bean
	@ConditionalOnMissingBean
	TenantIdResolver fnTenantIdResolver() {
		return () -> null;
	}

	@Bean
	@ConditionalOnMissingBean
	OutcomeRules fnOutcomeRules(FnTraceProperties properties, ObjectProvider<ValueRecorder> values,
			TracingFailures failures) {
		return new OutcomeRules(properties.getMaxMessageLength(),
				properties.isRecordValues() ? values.getIfAvailable() : null, properties.getMaxValueLength(), failures);
	}

	@Bean
	@ConditionalOnMissingBean
	TraceRecorder fnTraceRecorder(FnTraceProperties properties, CallIdGenerator callIds, UserIdResolver users,
			TenantIdResolver tenants, OutcomeRules outcomes, ObjectProvider<TraceSink> sinks, TracingFailures failures,
			ObjectProvider<PendingResultHandler> pendingResults, ObjectProvider<CallObserver> observer) {
		TraceLimits limits = new TraceLimits(properties.getMaxOpsPerTrace(), properties.getMaxSchedulesPerTrace(),
				properties.getJdbc().getMaxSqlLengthPerTrace());
		return new TraceRecorder(callIds, users, tenants, limits, outcomes, sinks.orderedStream().toList(), failures,
				pendingResults.orderedStream().toList(), observer.getIfUnique());
	}

	@Bean
	@ConditionalOnMissingBean(name = "fnCompletionStageResultHandler")
	PendingResultHandler fnCompletionStageResultHandler() {
		return PendingResultHandler.completionStages();
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	@ConditionalOnMissingBean
	static TracedAdvisor fnTracedAdvisor(ObjectProvider<FnDescriptorResolver> descriptors,
			ObjectProvider<TraceRecorder> recorder, ObjectProvider<TracingFailures> failures, Environment environment) {
		// bound here rather than injected: the pointcut is asked while infrastructure
		// beans are
		// still being created, before the properties bean may be
		FnTraceProperties properties = Binder.get(environment)
			.bindOrCreate("fntrace", Bindable.of(FnTraceProperties.class));
		return new TracedAdvisor(descriptors::getObject, recorder::getObject, failures::getObject,
				properties.getWeb().isTraceHandlers());
	}

	/**
	 * Returned values written with Jackson 3, when values are recorded.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(JsonMapper.class)
	@ConditionalOnBooleanProperty("fntrace.record-values")
	static class JacksonValueRecorderConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ValueRecorder fnValueRecorder(ObjectProvider<JsonMapper> jsonMapper) {
			JsonMapper mapper = jsonMapper.getIfAvailable(JsonMapper::new);
			return (value, json) -> mapper.writeValue(json, value);
		}

	}

	/**
	 * Values written by Jackson 2, as in Spring Boot 3 applications: only when Jackson 3
	 * is absent.
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
			return (value, json) -> mapper.writeValue(json, value);
		}

	}

}
