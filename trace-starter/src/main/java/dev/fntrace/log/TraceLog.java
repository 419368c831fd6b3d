package dev.fntrace.log;

import java.util.List;
import java.util.Optional;

import dev.fntrace.model.FnTrace;

/**
 * A bounded store of the most recent traces. Implementations are thread-safe and return copies,
 * never live views.
 */
public interface TraceLog extends TraceSink {

	/**
	 * Find the traces that match a query, newest first.
	 * @param query the query
	 * @return the matching traces, at most {@code query.limit()} of them
	 */
	List<FnTrace> find(TraceQuery query);

	/**
	 * Find a trace by its call id.
	 * @param callId the call id
	 * @return the trace, if the log still holds it
	 */
	Optional<FnTrace> findByCallId(String callId);

	/**
	 * How many traces the log can hold.
	 * @return the capacity
	 */
	int capacity();

	/**
	 * How many traces the log holds now.
	 * @return the size
	 */
	int size();

	/**
	 * How many traces were ever recorded, evicted and cleared ones included.
	 * @return the total count
	 */
	long totalCount();

	/**
	 * Remove every trace the log holds.
	 * @return how many were removed
	 */
	int clear();

}
