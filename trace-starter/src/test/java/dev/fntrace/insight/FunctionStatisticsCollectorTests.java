package dev.fntrace.insight;

import java.util.List;
import java.util.Map;

import dev.fntrace.model.FnOutcome;
import dev.fntrace.model.FnTrace;
import dev.fntrace.model.FnType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Statistics per function: counts, error rate, nearest-rank percentiles and the
 * histogram.
 */
class FunctionStatisticsCollectorTests {

	private final FunctionStatisticsCollector collector = new FunctionStatisticsCollector(
			new SlowCallThresholds(1000, Map.of("placeBid", 90.0)));

	@Test
	void percentilesOfOneToOneHundredAreNearestRank() {
		for (int ms = 100; ms >= 1; ms--) {
			this.collector.accept(trace("placeBid", ms, FnOutcome.OK));
		}
		FunctionStatistics statistics = this.collector.statistics().get(0);
		assertThat(statistics.calls()).isEqualTo(100);
		assertThat(statistics.p50Ms()).isEqualTo(50);
		assertThat(statistics.p95Ms()).isEqualTo(95);
		assertThat(statistics.p99Ms()).isEqualTo(99);
		assertThat(statistics.maxMs()).isEqualTo(100);
		assertThat(statistics.slowCalls()).isEqualTo(11);
	}

	@Test
	void percentilesOfFewCallsAreCallsThatHappened() {
		this.collector.accept(trace("getLot", 3, FnOutcome.OK));
		this.collector.accept(trace("getLot", 30, FnOutcome.OK));
		this.collector.accept(trace("getLot", 7, FnOutcome.OK));
		FunctionStatistics statistics = this.collector.statistics().get(0);
		assertThat(statistics.p50Ms()).isEqualTo(7);
		assertThat(statistics.p95Ms()).isEqualTo(30);
		assertThat(statistics.p99Ms()).isEqualTo(30);
		assertThat(statistics.maxMs()).isEqualTo(30);
	}

	@Test
	void countsErrorsAndRollbacksApartAndBothInTheErrorRate() {
		this.collector.accept(trace("placeBid", 1, FnOutcome.OK));
		this.collector.accept(trace("placeBid", 1, new FnOutcome.Errored("BID_TOO_LOW", null)));
		this.collector.accept(trace("placeBid", 1, new FnOutcome.RolledBack("LOT_CLOSED", null)));
		this.collector.accept(trace("placeBid", 1, new FnOutcome.RolledBack("LOT_CLOSED", null)));
		FunctionStatistics statistics = this.collector.statistics().get(0);
		assertThat(statistics.calls()).isEqualTo(4);
		assertThat(statistics.errors()).isEqualTo(1);
		assertThat(statistics.rollbacks()).isEqualTo(2);
		assertThat(statistics.errorRate()).isEqualTo(0.75);
	}

	@Test
	void functionsAreOrderedByCallsThenName() {
		this.collector.accept(trace("b", 1, FnOutcome.OK));
		this.collector.accept(trace("c", 1, FnOutcome.OK));
		this.collector.accept(trace("c", 1, FnOutcome.OK));
		this.collector.accept(trace("a", 1, FnOutcome.OK));
		assertThat(this.collector.statistics()).extracting(FunctionStatistics::fnName).containsExactly("c", "a", "b");
		assertThat(this.collector.traces()).isEqualTo(4);
	}

	@Test
	void histogramCountsEachCallInTheBucketOfItsDuration() {
		this.collector.accept(trace("a", 0.5, FnOutcome.OK));
		this.collector.accept(trace("a", 1, FnOutcome.OK));
		this.collector.accept(trace("a", 1.5, FnOutcome.OK));
		this.collector.accept(trace("a", 7000, FnOutcome.OK));
		List<Long> histogram = this.collector.statistics().get(0).histogram();
		assertThat(histogram).hasSize(FunctionStatisticsCollector.HISTOGRAM_BOUNDS_MS.size() + 1);
		assertThat(histogram.get(0)).isEqualTo(2);
		assertThat(histogram.get(1)).isEqualTo(1);
		assertThat(histogram.get(histogram.size() - 1)).isEqualTo(1);
		assertThat(histogram.stream().mapToLong(Long::longValue).sum()).isEqualTo(4);
	}

	private static FnTrace trace(String fn, double durationMs, FnOutcome outcome) {
		return new FnTrace("c", fn, FnType.MUTATION, null, null, null, null, 0, durationMs, outcome, List.of(), 0, 0, 0,
				List.of());
	}

}
