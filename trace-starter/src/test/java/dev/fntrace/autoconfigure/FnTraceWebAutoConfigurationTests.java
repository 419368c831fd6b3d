package dev.fntrace.autoconfigure;

import dev.fntrace.capture.web.SpringMvcResultHandler;
import dev.fntrace.capture.web.StreamCountingFilter;
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
			assertThat(context.getBeansOfType(SpringMvcResultHandler.class).values())
				.extracting(SpringMvcResultHandler::resultType)
				.containsExactlyInAnyOrder(
						org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.class,
						org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody.class,
						org.springframework.web.context.request.async.DeferredResult.class);
			assertThat(context.getBeansOfType(FilterRegistrationBean.class).values()).anySatisfy(
					(registration) -> assertThat(registration.getFilter()).isInstanceOf(StreamCountingFilter.class));
		});
	}

	@Test
	void resultHandlerBacksOffFromTheApplicationsBeanOfItsName() {
		SpringMvcResultHandler own = SpringMvcResultHandler.deferredResults(new dev.fntrace.capture.TracingFailures());
		this.runner.withBean("fnDeferredResultResultHandler", SpringMvcResultHandler.class, () -> own)
			.run((context) -> {
				assertThat(context.getBean("fnDeferredResultResultHandler")).isSameAs(own);
				assertThat(context.getBeansOfType(SpringMvcResultHandler.class)).hasSize(3);
			});
	}

	@Test
	void nonWebAppsHaveNoStreamCounting() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(FnTraceAutoConfiguration.class, FnTraceWebAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(SpringMvcResultHandler.class));
	}

	@Test
	void servletAppsWithoutSpringMvcHaveNoStreamCounting() {
		this.runner.withClassLoader(new FilteredClassLoader(DispatcherServlet.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(SpringMvcResultHandler.class));
	}

}
