package dev.fntrace.insight;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import dev.fntrace.model.FnTrace;

/**
 * What the insights found in one trace.
 *
 * @param slow whether the call was slow
 * @param slowThresholdMs the threshold it was measured against, in milliseconds
 * @param nPlusOne the N+1 findings, most repeated first
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record TraceInsights(@JsonProperty("slow") boolean slow,
		@JsonProperty("slow_threshold_ms") double slowThresholdMs,
		@JsonProperty("n_plus_one") List<NPlusOneFinding> nPlusOne) {

	/**
	 * Create insights, copying the findings.
	 */
	public TraceInsights {
		nPlusOne = List.copyOf(nPlusOne);
	}

	/**
	 * Whether there is anything to flag.
	 * @return {@code true} if the call was slow or ran an N+1
	 */
	public boolean hasFindings() {
		return this.slow || !this.nPlusOne.isEmpty();
	}

	/**
	 * Compute the insights of one trace.
	 * @param trace the trace
	 * @param nPlusOne the N+1 rule
	 * @param slow the slow-call thresholds
	 * @return its insights
	 */
	public static TraceInsights of(FnTrace trace, NPlusOneDetector nPlusOne, SlowCallThresholds slow) {
		return new TraceInsights(slow.isSlow(trace), slow.thresholdMs(trace.fnName()), nPlusOne.detect(trace));
	}

}
