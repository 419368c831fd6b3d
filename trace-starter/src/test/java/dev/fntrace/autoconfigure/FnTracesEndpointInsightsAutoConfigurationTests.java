package dev.fntrace.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import dev.fntrace.actuate.FnTracesEndpoint;
import dev.fntrace.log.TraceLog;
import dev.fntrace.model.DbOp;
import dev.fntrace.model.FnOutcome;
import dev.fntrace.model.FnTrace;
import dev.fntrace.model.FnType;
import dev.fntrace.model.OpTrace;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code fntrace.insights.*} properties reach the endpoint.
 */
class FnTracesEndpointInsightsAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(FnTraceAutoConfiguration.class, FnTracesEndpointAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=fntraces");

	@Test
	void defaultsAreFiveRunsForNPlusOneAndOneSecondForSlow() {
		this.runner.run((context) -> {
			record(context.getBean(TraceLog.class), "a", 999, 5);
			record(context.getBean(TraceLog.class), "b", 1000, 4);
			FnTracesEndpoint endpoint = context.getBean(FnTracesEndpoint.class);
			assertThat(endpoint.trace("a", SecurityContext.NONE).insights().slow()).isFalse();
			assertThat(endpoint.trace("a", SecurityContext.NONE).insights().nPlusOne()).hasSize(1);
			assertThat(endpoint.trace("b", SecurityContext.NONE).insights().slow()).isTrue();
			assertThat(endpoint.trace("b", SecurityContext.NONE).insights().nPlusOne()).isEmpty();
		});
	}

	@Test
	void thresholdsAreConfigurableWithOverridesPerFunction() {
		this.runner
			.withPropertyValues("fntrace.insights.n-plus-one-threshold=3", "fntrace.insights.slow-threshold=50ms",
					"fntrace.insights.slow-thresholds.fn-b=2s")
			.run((context) -> {
				record(context.getBean(TraceLog.class), "a", 60, 3);
				record(context.getBean(TraceLog.class), "b", 1000, 2);
				FnTracesEndpoint endpoint = context.getBean(FnTracesEndpoint.class);
				assertThat(endpoint.trace("a", SecurityContext.NONE).insights().slow()).isTrue();
				assertThat(endpoint.trace("a", SecurityContext.NONE).insights().nPlusOne()).hasSize(1);
				assertThat(endpoint.trace("b", SecurityContext.NONE).insights().slow()).isFalse();
				assertThat(endpoint.trace("b", SecurityContext.NONE).insights().slowThresholdMs()).isEqualTo(2000);
			});
	}

	private static void record(TraceLog log, String id, double durationMs, int sameStatements) {
		List<OpTrace> ops = new ArrayList<>();
		for (int i = 0; i < sameStatements; i++) {
			ops.add(new OpTrace(DbOp.LIST, "bid", null, i, 0.1, 0L, true, "select * from bid where lot_id = ?", null));
		}
		log.accept(new FnTrace(id, "fn-" + id, FnType.QUERY, null, null, null, null, 0, durationMs, FnOutcome.OK, ops,
				0, 0, 0, List.of()));
	}

}
