package dev.fntrace.autoconfigure;

import dev.fntrace.capture.web.DeferredResultResultHandler;
import dev.fntrace.capture.web.ResponseBodyEmitterResultHandler;
import dev.fntrace.capture.web.StreamCountingFilter;
import dev.fntrace.capture.web.StreamingResponseBodyResultHandler;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.web.servlet.DispatcherServlet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FnTraceWebAutoConfiguration}: counting what Spring MVC streams send.
 */
class FnTraceWebAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(FnTraceAutoConfiguration.class, FnTraceWebAutoConfiguration.class));

	@Test
	void servletAppsCountWhatStreamsSend() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(ResponseBodyEmitterResultHandler.class);
			assertThat(context).hasSingleBean(DeferredResultResultHandler.class);
			assertThat(context).hasSingleBean(StreamingResponseBodyResultHandler.class);
			assertThat(context.getBeansOfType(FilterRegistrationBean.class).values())
				.anySatisfy((registration) -> assertThat(registration.getFilter())
					.isInstanceOf(StreamCountingFilter.class));
		});
	}

	@Test
	void nonWebAppsHaveNoStreamCounting() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(FnTraceAutoConfiguration.class, FnTraceWebAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ResponseBodyEmitterResultHandler.class));
	}

	@Test
	void servletAppsWithoutSpringMvcHaveNoStreamCounting() {
		this.runner.withClassLoader(new FilteredClassLoader(DispatcherServlet.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(ResponseBodyEmitterResultHandler.class));
	}

}
