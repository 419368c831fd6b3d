package dev.fntrace.insight;

import java.util.Map;

import dev.fntrace.model.FnTrace;

/**
 * When a call counts as slow: a default threshold, and thresholds per function name that
 * override it.
 *
 * @param defaultThresholdMs the threshold for functions without their own, in
 * milliseconds
 * @param thresholdsMs thresholds by function name, in milliseconds
 */
public record SlowCallThresholds(double defaultThresholdMs, Map<String, Double> thresholdsMs) {

	/** The default threshold used when none is configured, in milliseconds. */
	public static final double DEFAULT_THRESHOLD_MS = 1000;

	/**
	 * Create thresholds, checking that none is negative.
	 */
	public SlowCallThresholds {
		checkThreshold("default", defaultThresholdMs);
		thresholdsMs.forEach(SlowCallThresholds::checkThreshold);
		thresholdsMs = Map.copyOf(thresholdsMs);
	}

	/**
	 * The threshold of one function.
	 * @param fnName the function name
	 * @return its threshold in milliseconds
	 */
	public double thresholdMs(String fnName) {
		return this.thresholdsMs.getOrDefault(fnName, this.defaultThresholdMs);
	}

	/**
	 * Whether a call was slow: it took at least its function's threshold.
	 * @param trace the call's trace
	 * @return {@code true} if it was slow
	 */
	public boolean isSlow(FnTrace trace) {
		return trace.durationMs() >= thresholdMs(trace.fnName());
	}

	private static void checkThreshold(String name, Double thresholdMs) {
		if (thresholdMs == null || thresholdMs.isNaN() || thresholdMs < 0) {
			throw new IllegalArgumentException(
					"slow threshold '" + name + "' must not be negative, was " + thresholdMs);
		}
	}

}
