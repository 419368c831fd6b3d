package dev.fntrace.log;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import dev.fntrace.model.FnTrace;

/**
 * A bounded store of the most recent traces. Implementations are thread-safe and return
 * copies, never live views.
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
	 * A cursor for {@link TraceQuery#after()}: a query made later with it finds only the
	 * traces recorded since this call (and, rarely, some already seen: readers drop those
	 * by call id).
	 * @return the cursor
	 */
	default long cursor() {
		return totalCount();
	}

	/**
	 * Hand every trace the log holds, newest first, to an action, without copying the
	 * log.
	 * @param action the action
	 */
	default void forEach(Consumer<? super FnTrace> action) {
		find(TraceQuery.newest(capacity())).forEach(action);
	}

	/**
	 * Remove every trace the log holds.
	 * @return how many were removed
	 */
	int clear();

}
