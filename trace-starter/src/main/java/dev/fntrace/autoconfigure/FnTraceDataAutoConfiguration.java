package dev.fntrace.autoconfigure;

import dev.fntrace.capture.TracingFailures;
import dev.fntrace.capture.data.TracingRepositoryPostProcessor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;
import org.springframework.data.repository.Repository;

/**
 * Auto-configuration that records each call of a Spring Data repository inside a traced
 * call as one operation of its trace, with its domain type, the entity id where the call
 * names one, and the SQL it ran folded into it. Off with
 * {@code fntrace.data.enabled=false}: the SQL is then recorded statement by statement.
 */
@AutoConfiguration(after = FnTraceAutoConfiguration.class)
@ConditionalOnClass(Repository.class)
@ConditionalOnBooleanProperty(name = { "fntrace.enabled", "fntrace.data.enabled" }, matchIfMissing = true)
public final class FnTraceDataAutoConfiguration {

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	@ConditionalOnMissingBean
	static TracingRepositoryPostProcessor fnTracingRepositoryPostProcessor(ObjectProvider<TracingFailures> failures) {
		return new TracingRepositoryPostProcessor(() -> failures.getIfAvailable(TracingFailures::new));
	}

}
