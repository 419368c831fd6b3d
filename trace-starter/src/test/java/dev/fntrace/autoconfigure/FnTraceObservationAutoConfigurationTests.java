package dev.fntrace.autoconfigure;

import dev.fntrace.capture.CallObserver;
import dev.fntrace.capture.identity.UserIdResolver;
import dev.fntrace.log.TraceLog;
import dev.fntrace.log.TraceQuery;
import dev.fntrace.observation.FnTraceObservations;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FnTraceObservationAutoConfiguration}: traced calls become observations only when
 * Micrometer Tracing is present and an observation registry exists.
 */
class FnTraceObservationAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurationTestSupport.ALL)
		.withConfiguration(AutoConfigurations.of(FnTraceObservationAutoConfiguration.class))
		.withBean(Greeter.class);

	@Test
	void observesTracedCallsInTheApplicationsRegistry() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.runner.withBean(ObservationRegistry.class, () -> registry).run((context) -> {
			assertThat(context).hasSingleBean(FnTraceObservations.class);
			AutoConfigurationTestSupport.assertRecordsTracedCalls(context);
			TestObservationRegistryAssert.assertThat(registry)
				.hasObservationWithNameEqualTo(FnTraceObservations.NAME)
				.that()
				.hasContextualNameEqualTo("Greeter.greet")
				.hasLowCardinalityKeyValue("fn", "Greeter.greet")
				.hasLowCardinalityKeyValue("type", "action")
				.hasLowCardinalityKeyValue("outcome", "ok")
				.hasBeenStarted()
				.hasBeenStopped();
		});
	}

	@Test
	void aTraceCarriesNoSpanIdsWithoutATracer() {
		this.runner.withBean(ObservationRegistry.class, TestObservationRegistry::create).run((context) -> {
			AutoConfigurationTestSupport.assertRecordsTracedCalls(context);
			assertThat(context.getBean(TraceLog.class).find(TraceQuery.newest(1)).get(0).traceId()).isNull();
		});
	}

	@Test
	void observesNothingWithoutARegistry() {
		this.runner.run((context) -> {
			assertThat(context).doesNotHaveBean(CallObserver.class);
			AutoConfigurationTestSupport.assertRecordsTracedCalls(context);
		});
	}

	@Test
	void observesNothingWithoutMicrometerTracing() {
		this.runner.withBean(ObservationRegistry.class, TestObservationRegistry::create)
			.withClassLoader(new FilteredClassLoader("io.micrometer.tracing"))
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(CallObserver.class);
				AutoConfigurationTestSupport.assertRecordsTracedCalls(context);
			});
	}

	@Test
	void observesNothingWithoutMicrometerObservation() {
		this.runner.withClassLoader(new FilteredClassLoader("io.micrometer.observation", "io.micrometer.tracing"))
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(CallObserver.class);
				AutoConfigurationTestSupport.assertRecordsTracedCalls(context);
			});
	}

	@Test
	void spansCarryTheUserOnlyWhereTheEndpointShowsValuesAlways() {
		assertUserOnSpan("management.endpoint.fntraces.show-values=always", true);
		assertUserOnSpan("fntrace.endpoint.show-values=always", true);
		assertUserOnSpan("management.endpoint.fntraces.show-values=when-authorized", false);
		assertUserOnSpan("fntrace.observation.enabled=true", false);
	}

	@Test
	void spansNeverCarryTheUserWithoutTheActuator() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.runner.withBean(ObservationRegistry.class, () -> registry)
			.withBean(UserIdResolver.class, () -> () -> "alice")
			.withPropertyValues("management.endpoint.fntraces.show-values=always")
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(FnTraceObservations.class);
				AutoConfigurationTestSupport.assertRecordsTracedCalls(context);
				TestObservationRegistryAssert.assertThat(registry)
					.hasObservationWithNameEqualTo(FnTraceObservations.NAME)
					.that()
					.doesNotHaveHighCardinalityKeyValueWithKey("user");
			});
	}

	private void assertUserOnSpan(String property, boolean expected) {
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.runner.withBean(ObservationRegistry.class, () -> registry)
			.withBean(UserIdResolver.class, () -> () -> "alice")
			.withPropertyValues(property)
			.run((context) -> {
				AutoConfigurationTestSupport.assertRecordsTracedCalls(context);
				if (expected) {
					TestObservationRegistryAssert.assertThat(registry)
						.hasObservationWithNameEqualTo(FnTraceObservations.NAME)
						.that()
						.hasHighCardinalityKeyValue("user", "alice");
				}
				else {
					TestObservationRegistryAssert.assertThat(registry)
						.hasObservationWithNameEqualTo(FnTraceObservations.NAME)
						.that()
						.doesNotHaveHighCardinalityKeyValueWithKey("user");
				}
			});
	}

	@Test
	void canBeSwitchedOff() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.runner.withBean(ObservationRegistry.class, () -> registry)
			.withPropertyValues("fntrace.observation.enabled=false")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(CallObserver.class);
				AutoConfigurationTestSupport.assertRecordsTracedCalls(context);
				TestObservationRegistryAssert.assertThat(registry).doesNotHaveAnyObservation();
			});
	}

}
