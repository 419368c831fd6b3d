package dev.fntrace.autoconfigure;

import java.util.List;
import java.util.Set;

import dev.fntrace.actuate.FnTracesEndpoint;
import dev.fntrace.log.InMemoryTraceLog;
import dev.fntrace.log.TraceLog;
import dev.fntrace.model.FnOutcome;
import dev.fntrace.model.FnTrace;
import dev.fntrace.model.FnType;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FnTracesEndpointAutoConfiguration}: when the endpoint exists, and its settings.
 */
class FnTracesEndpointAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurationTestSupport.ALL)
		.withBean(Greeter.class);

	@Test
	void endpointIsAbsentUnlessExposed() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(FnTracesEndpoint.class));
	}

	@Test
	void endpointIsPresentWhenExposed() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=fntraces")
			.run((context) -> assertThat(context).hasSingleBean(FnTracesEndpoint.class));
	}

	@Test
	void endpointBacksOffFromTheApplicationsEndpoint() {
		FnTracesEndpoint own = new FnTracesEndpoint(new InMemoryTraceLog(1), Show.ALWAYS, Set.of());
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=fntraces")
			.withBean(FnTracesEndpoint.class, () -> own)
			.run((context) -> assertThat(context.getBean(FnTracesEndpoint.class)).isSameAs(own));
	}

	@Test
	void endpointIsAbsentWithoutActuatorAndRecordingGoesOn() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
			.withPropertyValues("management.endpoints.web.exposure.include=fntraces")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(FnTracesEndpoint.class);
				AutoConfigurationTestSupport.assertRecordsTracedCalls(context);
			});
	}

	@Test
	void showValuesIsReadUnderManagementEndpointFntraces() {
		this.runner
			.withPropertyValues("management.endpoints.web.exposure.include=fntraces",
					"management.endpoint.fntraces.show-values=always")
			.run((context) -> assertThat(showsValuesToAnonymous(context)).isTrue());
	}

	@Test
	void showValuesIsStillReadUnderItsDeprecatedKey() {
		this.runner
			.withPropertyValues("management.endpoints.web.exposure.include=fntraces",
					"fntrace.endpoint.show-values=always")
			.run((context) -> assertThat(showsValuesToAnonymous(context)).isTrue());
	}

	@Test
	void valuesAreNeverShownByDefault() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=fntraces")
			.run((context) -> assertThat(showsValuesToAnonymous(context)).isFalse());
	}

	@Test
	void rootResponseCountsFntracesOwnFailuresByKind() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=fntraces")
			.withBean(dev.fntrace.capture.identity.UserIdResolver.class, () -> () -> {
				throw new IllegalStateException("broken");
			})
			.run((context) -> {
				context.getBean(Greeter.class).greet("x");
				FnTracesEndpoint.FnTracesDescriptor root = context.getBean(FnTracesEndpoint.class)
					.traces(null, null, null, null, null, null, SecurityContext.NONE);
				assertThat(root.failures()).containsEntry("resolve the user id", 1L);
				assertThat(root.traces()).hasSize(1);
			});
	}

	private static boolean showsValuesToAnonymous(ApplicationContext context) {
		context.getBean(TraceLog.class)
			.accept(new FnTrace("c-1", "f", FnType.ACTION, null, null, null, null, 0, 1.0, new FnOutcome.Ok("42"),
					List.of(), 0, 0, 0, List.of()));
		FnTrace shown = context.getBean(FnTracesEndpoint.class).trace("c-1", SecurityContext.NONE).trace();
		return "42".equals(((FnOutcome.Ok) shown.outcome()).value());
	}

}
