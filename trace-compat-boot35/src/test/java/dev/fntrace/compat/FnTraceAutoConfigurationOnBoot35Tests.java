package dev.fntrace.compat;

import java.util.Map;

import dev.fntrace.autoconfigure.FnTraceAutoConfiguration;
import dev.fntrace.autoconfigure.FnTraceWebAutoConfiguration;
import dev.fntrace.capture.TracingFailures;
import dev.fntrace.capture.ValueRecorder;
import dev.fntrace.capture.web.StreamCountingFilter;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fntrace auto-configuration in a Spring Boot 3.5 web application context: the beans
 * Spring Boot 4 moved or changed still appear and back off as they do on Boot 4.
 */
class FnTraceAutoConfigurationOnBoot35Tests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, FnTraceAutoConfiguration.class,
				FnTraceWebAutoConfiguration.class));

	@Test
	void theStreamCountingFilterIsRegistered() {
		this.runner.run((context) -> {
			assertThat(streamCountingFilters(context.getBeansOfType(FilterRegistrationBean.class))).isEqualTo(1);
			assertThat(context).hasBean("fnStreamCountingFilter");
		});
	}

	@Test
	void theStreamCountingFilterBacksOffWhenTheApplicationRegistersOne() {
		this.runner.withUserConfiguration(OwnStreamCountingFilter.class).run((context) -> {
			assertThat(streamCountingFilters(context.getBeansOfType(FilterRegistrationBean.class))).isEqualTo(1);
			assertThat(context).hasBean("ownStreamCountingFilter").doesNotHaveBean("fnStreamCountingFilter");
		});
	}

	@Test
	void valuesAreWrittenByJackson2() {
		this.runner.withPropertyValues("fntrace.record-values=true").run((context) -> {
			assertThat(context).hasSingleBean(ValueRecorder.class);
			java.io.StringWriter json = new java.io.StringWriter();
			context.getBean(ValueRecorder.class).writeJson(new ThingView(7, "kite"), json);
			assertThat(json).hasToString("{\"id\":7,\"name\":\"kite\"}");
		});
	}

	@Test
	void valuesAreNotRecordedByDefault() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(ValueRecorder.class));
	}

	@SuppressWarnings("rawtypes")
	private static long streamCountingFilters(Map<String, FilterRegistrationBean> registrations) {
		return registrations.values()
			.stream()
			.filter((registration) -> registration.getFilter() instanceof StreamCountingFilter)
			.count();
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnStreamCountingFilter {

		@Bean
		FilterRegistrationBean<StreamCountingFilter> ownStreamCountingFilter() {
			return new FilterRegistrationBean<>(new StreamCountingFilter(new TracingFailures()));
		}

	}

}
