package dev.fntrace.autoconfigure;

import dev.fntrace.log.TraceLog;
import dev.fntrace.log.TraceQuery;
import dev.fntrace.model.FnTrace;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the auto-configuration tests share: every fntrace auto-configuration, and a check
 * that a traced call is recorded.
 */
final class AutoConfigurationTestSupport {

	static final AutoConfigurations ALL = AutoConfigurations.of(AopAutoConfiguration.class,
			FnTraceAutoConfiguration.class, FnTraceJdbcAutoConfiguration.class,
			FnTraceTransactionAutoConfiguration.class, FnTracesEndpointAutoConfiguration.class,
			FnTraceSchedulingAutoConfiguration.class, FnTraceDataAutoConfiguration.class,
			FnTraceWebAutoConfiguration.class, FnTraceLoggingAutoConfiguration.class,
			FnTraceFileAutoConfiguration.class, FnTraceMetricsAutoConfiguration.class,
			FnTraceObservationAutoConfiguration.class);

	private AutoConfigurationTestSupport() {
	}

	/**
	 * Call the {@link Greeter} bean and assert its call was recorded.
	 * @param context the context
	 */
	static void assertRecordsTracedCalls(ApplicationContext context) {
		assertThat(context.getBean(Greeter.class).greet("ann")).isEqualTo("hello ann");
		assertThat(context.getBean(TraceLog.class).find(TraceQuery.newest(10))).extracting(FnTrace::fnName)
			.containsExactly("Greeter.greet");
	}

}
