package dev.fntrace.log;

import dev.fntrace.model.FnTrace;

/**
 * Which traces to read from a {@link TraceLog}: every filter that is not {@code null} must match.
 * @param fn the function name, or {@code null} for any
 * @param status the outcome filter, or {@code null} for any
 * @param user the user id, or {@code null} for any
 * @param tenant the tenant id, or {@code null} for any
 * @param minDurationMs the shortest duration to keep, in milliseconds, or {@code null} for any
 * @param limit the most traces to return, at least 0
 */
public record TraceQuery(String fn, StatusFilter status, String user, String tenant, Double minDurationMs,
		int limit) {

	/**
	 * Create a query, checking its limits.
	 */
	public TraceQuery {
		if (limit < 0) {
			throw new IllegalArgumentException("limit must not be negative, was " + limit);
		}
		if (minDurationMs != null && (minDurationMs < 0 || minDurationMs.isNaN())) {
			throw new IllegalArgumentException("minDurationMs must not be negative, was " + minDurationMs);
		}
	}

	/**
	 * A query for the newest traces, unfiltered.
	 * @param limit the most traces to return
	 * @return the query
	 */
	public static TraceQuery newest(int limit) {
		return new TraceQuery(null, null, null, null, null, limit);
	}

	/**
	 * Whether a trace passes every filter of this query.
	 * @param trace the trace
	 * @return {@code true} if it passes
	 */
	public boolean matches(FnTrace trace) {
		return (this.fn == null || this.fn.equals(trace.fnName()))
				&& (this.status == null || this.status.matches(trace.outcome()))
				&& (this.user == null || this.user.equals(trace.userId()))
				&& (this.tenant == null || this.tenant.equals(trace.tenantId()))
				&& (this.minDurationMs == null || trace.durationMs() >= this.minDurationMs);
	}

}
