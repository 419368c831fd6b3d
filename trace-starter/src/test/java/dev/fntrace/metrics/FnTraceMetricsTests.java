package dev.fntrace.metrics;

import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.fntrace.model.DbOp;
import dev.fntrace.model.FnOutcome;
import dev.fntrace.model.FnTrace;
import dev.fntrace.model.FnType;
import dev.fntrace.model.OpTrace;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FnTraceMetrics}: what meters a finished trace makes, and that their tags stay
 * few.
 */
class FnTraceMetricsTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final FnTraceMetrics metrics = new FnTraceMetrics(this.registry, 2);

	@Test
	void timesEachCallByFunctionTypeAndOutcome() {
		this.metrics.accept(trace("placeBid", FnOutcome.OK, 12.5, 0));
		this.metrics.accept(trace("placeBid", FnOutcome.OK, 7.5, 0));
		this.metrics.accept(trace("placeBid", new FnOutcome.RolledBack("BID_TOO_LOW", "too low"), 1, 0));
		Timer ok = this.registry.get(FnTraceMetrics.CALLS)
			.tags("fn", "placeBid", "type", "mutation", "status", "ok", "code", "none")
			.timer();
		assertThat(ok.count()).isEqualTo(2);
		assertThat(ok.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(20.0);
		assertThat(this.registry.get(FnTraceMetrics.CALLS)
			.tags("status", "rolled_back", "code", "BID_TOO_LOW")
			.timer()
			.count()).isEqualTo(1);
	}

	@Test
	void carriesNoUserTenantOrCallIdTags() {
		this.metrics.accept(trace("placeBid", FnOutcome.OK, 1, 0));
		for (Meter meter : this.registry.getMeters()) {
			assertThat(meter.getId().getTags()).extracting((tag) -> tag.getKey())
				.doesNotContain("user", "tenant", "call_id", "user_id", "tenant_id");
		}
	}

	@Test
	void showsOnlyTheFirstErrorCodesOfAFunction() {
		for (String code : List.of("A", "B", "C", "D", "A")) {
			this.metrics.accept(trace("placeBid", new FnOutcome.Errored(code, null), 1, 0));
		}
		this.metrics.accept(trace("getLots", new FnOutcome.Errored("C", null), 1, 0));
		assertThat(this.registry.find(FnTraceMetrics.CALLS).tag("fn", "placeBid").timers())
			.extracting((timer) -> timer.getId().getTag("code"))
			.containsExactlyInAnyOrder("A", "B", "other");
		assertThat(this.registry.get(FnTraceMetrics.CALLS).tags("fn", "placeBid", "code", "other").timer().count())
			.isEqualTo(2);
		assertThat(this.registry.get(FnTraceMetrics.CALLS).tags("fn", "getLots", "code", "C").timer().count())
			.isEqualTo(1);
	}

	@Test
	void recordsTheOperationsOfEachCallAndCountsTheDroppedOnes() {
		this.metrics.accept(trace("placeBid", FnOutcome.OK, 1, 0, op(), op()));
		this.metrics.accept(trace("placeBid", FnOutcome.OK, 1, 3, op()));
		assertThat(this.registry.get(FnTraceMetrics.OPS_PER_CALL).tag("fn", "placeBid").summary().totalAmount())
			.isEqualTo(6.0);
		assertThat(this.registry.get(FnTraceMetrics.OPS_PER_CALL).tag("fn", "placeBid").summary().max()).isEqualTo(4.0);
		assertThat(this.registry.get(FnTraceMetrics.OPS_DROPPED).tag("fn", "placeBid").counter().count())
			.isEqualTo(3.0);
	}

	@Test
	void reusesItsMetersForTheSameTags() {
		this.metrics.accept(trace("placeBid", FnOutcome.OK, 1, 0));
		int meters = this.registry.getMeters().size();
		this.metrics.accept(trace("placeBid", FnOutcome.OK, 1, 0));
		assertThat(this.registry.getMeters()).hasSize(meters);
	}

	@Test
	void functionThatOnlyFailedHasNoTimerOfReturnedCalls() {
		this.metrics.accept(trace("placeBid", new FnOutcome.Errored("A", null), 1, 0));
		assertThat(this.registry.find(FnTraceMetrics.CALLS).tag("status", "ok").timers()).isEmpty();
		this.metrics.accept(trace("placeBid", new FnOutcome.Ok("{}"), 1, 0));
		assertThat(this.registry.get(FnTraceMetrics.CALLS).tags("status", "ok", "code", "none").timer().count())
			.isEqualTo(1);
	}

	@Test
	void sameFunctionNameUnderTwoTypesKeepsTheMetersOfEach() {
		for (FnType type : List.of(FnType.QUERY, FnType.MUTATION, FnType.QUERY)) {
			this.metrics.accept(trace("lots", type, FnOutcome.OK, 1, 0, op()));
		}
		assertThat(this.registry.get(FnTraceMetrics.CALLS).tags("fn", "lots", "type", "query").timer().count())
			.isEqualTo(2);
		assertThat(this.registry.get(FnTraceMetrics.CALLS).tags("fn", "lots", "type", "mutation").timer().count())
			.isEqualTo(1);
		assertThat(this.registry.get(FnTraceMetrics.OPS_PER_CALL).tags("fn", "lots", "type", "query").summary().count())
			.isEqualTo(2);
		assertThat(
				this.registry.get(FnTraceMetrics.OPS_PER_CALL).tags("fn", "lots", "type", "mutation").summary().count())
			.isEqualTo(1);
	}

	private static OpTrace op() {
		return new OpTrace(DbOp.LIST, "lot", null, 0, 1, 1L, true, "select * from lot", null);
	}

	private static FnTrace trace(String fn, FnOutcome outcome, double durationMs, int opsDropped, OpTrace... ops) {
		return trace(fn, FnType.MUTATION, outcome, durationMs, opsDropped, ops);
	}

	private static FnTrace trace(String fn, FnType type, FnOutcome outcome, double durationMs, int opsDropped,
			OpTrace... ops) {
		return new FnTrace("call-" + System.nanoTime(), fn, type, "ann", "acme", null, null, 1_700_000_000_000L,
				durationMs, outcome, List.of(ops), opsDropped, 0, 0, List.of());
	}

}
