package dev.fntrace.test;

import java.lang.reflect.Method;

import dev.fntrace.insight.NPlusOneDetector;
import dev.fntrace.log.TraceLog;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A JUnit extension for Spring tests that empties the application's {@link TraceLog}
 * before each test and hands the test a {@link FnTraceRecorder} parameter that reads only
 * the calls made by the test method itself (not those of {@code @BeforeEach} methods).
 * Registered by {@link AutoConfigureFnTrace @AutoConfigureFnTrace}; with
 * {@code @SpringBootTest} it may also be registered alone, with
 * {@code @ExtendWith(FnTraceExtension.class)}, which keeps the application context shared
 * with tests that do not use it.
 * <p>
 * The recorder's N+1 rule is the application's own, with its
 * {@code fntrace.insights.n-plus-one-threshold}.
 */
public class FnTraceExtension implements BeforeEachCallback, BeforeTestExecutionCallback, ParameterResolver {

	private static final Namespace NAMESPACE = Namespace.create(FnTraceExtension.class);

	private static final String N_PLUS_ONE_THRESHOLD = "fntrace.insights.n-plus-one-threshold";

	@Override
	public void beforeEach(ExtensionContext context) {
		ApplicationContext applicationContext = SpringExtension.getApplicationContext(context);
		ObjectProvider<TraceLog> logs = applicationContext.getBeanProvider(TraceLog.class);
		TraceLog log = logs.getIfUnique();
		if (log == null) {
			// fntrace is off in this context: a test that asks for its traces is told why
			return;
		}
		log.clear();
		int threshold = Binder.get(applicationContext.getEnvironment())
			.bind(N_PLUS_ONE_THRESHOLD, Integer.class)
			.orElse(NPlusOneDetector.DEFAULT_THRESHOLD);
		context.getStore(NAMESPACE)
			.put(FnTraceRecorder.class, new FnTraceRecorder(log, new NPlusOneDetector(threshold)));
	}

	@Override
	public void beforeTestExecution(ExtensionContext context) {
		FnTraceRecorder recorder = context.getStore(NAMESPACE).get(FnTraceRecorder.class, FnTraceRecorder.class);
		if (recorder != null) {
			recorder.reset();
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == FnTraceRecorder.class
				&& parameterContext.getDeclaringExecutable() instanceof Method;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		FnTraceRecorder recorder = extensionContext.getStore(NAMESPACE)
			.get(FnTraceRecorder.class, FnTraceRecorder.class);
		if (recorder == null) {
			throw new ParameterResolutionException("No FnTraceRecorder for " + parameterContext.getDeclaringExecutable()
					+ ": the application context has no single TraceLog bean. Is fntrace.enabled=false? "
					+ "In a test slice, annotate the test class with @AutoConfigureFnTrace.");
		}
		return recorder;
	}

}
