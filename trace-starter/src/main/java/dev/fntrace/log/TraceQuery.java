package dev.fntrace.log;

import java.util.function.Predicate;

import dev.fntrace.model.FnTrace;

/**
 * Which traces to read from a {@link TraceLog}: every filter that is not {@code null}
 * must match.
 *
 * @param fn the function name, or {@code null} for any
 * @param status the outcome filter, or {@code null} for any
 * @param user the user id, or {@code null} for any
 * @param tenant the tenant id, or {@code null} for any
 * @param minDurationMs the shortest duration to keep, in milliseconds, or {@code null}
 * for any
 * @param limit the most traces to return, at least 0
 * @param after a cursor: keep only the traces recorded after the first {@code after} ones
 * (see {@link TraceLog#cursor()}), or {@code null} for any
 * @param condition any further condition, or {@code null} for none
 */
public record TraceQuery(String fn, StatusFilter status, String user, String tenant, Double minDurationMs, int limit,
		Long after, Predicate<FnTrace> condition) {

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
		if (after != null && after < 0) {
			throw new IllegalArgumentException("after must not be negative, was " + after);
		}
	}

	/**
	 * Create a query without a cursor or further condition.
	 * @param fn the function name, or {@code null} for any
	 * @param status the outcome filter, or {@code null} for any
	 * @param user the user id, or {@code null} for any
	 * @param tenant the tenant id, or {@code null} for any
	 * @param minDurationMs the shortest duration to keep, in milliseconds, or
	 * {@code null} for any
	 * @param limit the most traces to return, at least 0
	 */
	public TraceQuery(String fn, StatusFilter status, String user, String tenant, Double minDurationMs, int limit) {
		this(fn, status, user, tenant, minDurationMs, limit, null, null);
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
	 * Whether a trace passes every filter of this query but the cursor, which only the
	 * log can tell.
	 * @param trace the trace
	 * @return {@code true} if it passes
	 */
	public boolean matches(FnTrace trace) {
		return (this.fn == null || this.fn.equals(trace.fnName()))
				&& (this.status == null || this.status.matches(trace.outcome()))
				&& (this.user == null || this.user.equals(trace.userId()))
				&& (this.tenant == null || this.tenant.equals(trace.tenantId()))
				&& (this.minDurationMs == null || trace.durationMs() >= this.minDurationMs)
				&& (this.condition == null || this.condition.test(trace));
	}

}
