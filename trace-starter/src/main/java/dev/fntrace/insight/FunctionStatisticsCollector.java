package dev.fntrace.insight;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.fntrace.model.FnOutcome;
import dev.fntrace.model.FnTrace;

/**
 * Adds up traces, one at a time, into {@link FunctionStatistics} per function name. It
 * keeps one duration per trace seen (to compute exact percentiles), not the traces. Not
 * thread-safe: use one collector per computation.
 */
public final class FunctionStatisticsCollector implements Consumer<FnTrace> {

	/**
	 * Upper bounds of the latency histogram's buckets, in milliseconds; a last bucket
	 * holds the rest.
	 */
	public static final List<Double> HISTOGRAM_BOUNDS_MS = List.of(1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0,
			1000.0, 2000.0, 5000.0);

	private final SlowCallThresholds slow;

	private final Map<String, Accumulator> accumulators = new HashMap<>();

	private long traces;

	/**
	 * Create a collector.
	 * @param slow the thresholds that tell slow calls
	 */
	public FunctionStatisticsCollector(SlowCallThresholds slow) {
		this.slow = slow;
	}

	@Override
	public void accept(FnTrace trace) {
		this.traces++;
		this.accumulators.computeIfAbsent(trace.fnName(), (name) -> new Accumulator()).add(trace, this.slow);
	}

	/**
	 * How many traces were added.
	 * @return the count
	 */
	public long traces() {
		return this.traces;
	}

	/**
	 * The statistics of every function seen, the most called first, then by name.
	 * @return the statistics
	 */
	public List<FunctionStatistics> statistics() {
		List<FunctionStatistics> statistics = new ArrayList<>(this.accumulators.size());
		this.accumulators.forEach((name, accumulator) -> statistics.add(accumulator.statistics(name)));
		statistics.sort(Comparator.comparingLong(FunctionStatistics::calls)
			.reversed()
			.thenComparing(FunctionStatistics::fnName));
		return List.copyOf(statistics);
	}

	/**
	 * The nearest-rank percentile of sorted values: the smallest value that at least
	 * {@code percentile} percent of the values are less than or equal to.
	 * @param sorted the values, in ascending order
	 * @param count how many of them to use, at least one
	 * @param percentile the percentile, above 0 and at most 100
	 * @return the value
	 */
	static double percentile(double[] sorted, int count, double percentile) {
		int rank = (int) Math.ceil(percentile / 100.0 * count);
		return sorted[Math.max(rank, 1) - 1];
	}

	private static final class Accumulator {

		private String fnType;

		private long errors;

		private long rollbacks;

		private long slowCalls;

		private double[] durations = new double[16];

		private int count;

		private final long[] histogram = new long[HISTOGRAM_BOUNDS_MS.size() + 1];

		void add(FnTrace trace, SlowCallThresholds slow) {
			if (this.fnType == null && trace.fnType() != null) {
				this.fnType = trace.fnType().jsonName();
			}
			if (trace.outcome() instanceof FnOutcome.Errored) {
				this.errors++;
			}
			else if (trace.outcome() instanceof FnOutcome.RolledBack) {
				this.rollbacks++;
			}
			if (slow.isSlow(trace)) {
				this.slowCalls++;
			}
			if (this.count == this.durations.length) {
				this.durations = Arrays.copyOf(this.durations, this.count * 2);
			}
			double duration = trace.durationMs();
			this.durations[this.count++] = duration;
			this.histogram[bucketOf(duration)]++;
		}

		FunctionStatistics statistics(String fnName) {
			double[] sorted = Arrays.copyOf(this.durations, this.count);
			Arrays.sort(sorted);
			double errorRate = (double) (this.errors + this.rollbacks) / this.count;
			List<Long> buckets = new ArrayList<>(this.histogram.length);
			for (long bucket : this.histogram) {
				buckets.add(bucket);
			}
			return new FunctionStatistics(fnName, this.fnType, this.count, this.errors, this.rollbacks, this.slowCalls,
					errorRate, percentile(sorted, this.count, 50), percentile(sorted, this.count, 95),
					percentile(sorted, this.count, 99), sorted[this.count - 1], buckets);
		}

		private static int bucketOf(double durationMs) {
			for (int i = 0; i < HISTOGRAM_BOUNDS_MS.size(); i++) {
				if (durationMs <= HISTOGRAM_BOUNDS_MS.get(i)) {
					return i;
				}
			}
			return HISTOGRAM_BOUNDS_MS.size();
		}

	}

}
