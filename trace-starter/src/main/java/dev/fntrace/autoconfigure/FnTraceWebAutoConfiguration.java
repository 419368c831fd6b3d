package dev.fntrace.autoconfigure;

import java.util.EnumSet;

import jakarta.servlet.DispatcherType;

import dev.fntrace.capture.TraceRecorder;
import dev.fntrace.capture.TracingFailures;
import dev.fntrace.capture.web.SpringMvcResultHandler;
import dev.fntrace.capture.web.StreamCountingFilter;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

/**
 * Auto-configuration that keeps the trace of a call returning a Spring MVC stream or
 * deferred result open until the request completes, and counts what streams send to the
 * client. Every bean backs off when the application defines its own: the filter when the
 * application has a {@link StreamCountingFilter} bean or a {@link FilterRegistrationBean}
 * of one, each result handler when a bean has its name.
 */
@AutoConfiguration(after = FnTraceAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ DispatcherServlet.class, ResponseBodyEmitter.class, DeferredResult.class })
@ConditionalOnBooleanProperty(name = "fntrace.enabled", matchIfMissing = true)
@ConditionalOnBean({ TraceRecorder.class, TracingFailures.class })
public final class FnTraceWebAutoConfiguration {

	// Spring Boot 4's @ConditionalOnMissingFilterBean, which Spring Boot 3 has in another
	// package
	@Bean
	@ConditionalOnMissingBean(value = StreamCountingFilter.class, parameterizedContainer = FilterRegistrationBean.class)
	FilterRegistrationBean<StreamCountingFilter> fnStreamCountingFilter(TracingFailures failures) {
		FilterRegistrationBean<StreamCountingFilter> registration = new FilterRegistrationBean<>(
				new StreamCountingFilter(failures));
		registration.setName("fnStreamCountingFilter");
		registration.setDispatcherTypes(EnumSet.allOf(DispatcherType.class));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	@ConditionalOnMissingBean(name = "fnResponseBodyEmitterResultHandler")
	SpringMvcResultHandler fnResponseBodyEmitterResultHandler(TracingFailures failures) {
		return SpringMvcResultHandler.emitters(failures);
	}

	@Bean
	@ConditionalOnMissingBean(name = "fnStreamingResponseBodyResultHandler")
	SpringMvcResultHandler fnStreamingResponseBodyResultHandler(TracingFailures failures) {
		return SpringMvcResultHandler.streamingBodies(failures);
	}

	@Bean
	@ConditionalOnMissingBean(name = "fnDeferredResultResultHandler")
	SpringMvcResultHandler fnDeferredResultResultHandler(TracingFailures failures) {
		return SpringMvcResultHandler.deferredResults(failures);
	}

}
