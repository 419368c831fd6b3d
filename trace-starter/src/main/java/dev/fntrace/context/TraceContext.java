package dev.fntrace.context;

import dev.fntrace.model.TraceBuilder;

/**
 * The trace of the call running on the current thread. Nested calls stack: entering
 * returns the trace that was current, and restoring it ends the nesting. Registered with
 * Micrometer's context-propagation so that executors can carry it to other threads.
 */
public final class TraceContext {

	private static final ThreadLocal<TraceBuilder> CURRENT = new ThreadLocal<>();

	private TraceContext() {
	}

	/**
	 * The trace of the call running on this thread.
	 * @return the current trace, or {@code null} outside any traced call
	 */
	public static TraceBuilder current() {
		return CURRENT.get();
	}

	/**
	 * Make a trace current on this thread.
	 * @param trace the trace, or {@code null} to leave every traced call
	 * @return the trace that was current before, to pass to {@link #restore}
	 */
	public static TraceBuilder enter(TraceBuilder trace) {
		TraceBuilder previous = CURRENT.get();
		CURRENT.set(trace);
		return previous;
	}

	/**
	 * Make a trace that was current before current again.
	 * @param previous the value {@link #enter} returned
	 */
	public static void restore(TraceBuilder previous) {
		if (previous == null) {
			CURRENT.remove();
		}
		else {
			CURRENT.set(previous);
		}
	}

}
