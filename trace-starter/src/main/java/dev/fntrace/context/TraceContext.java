package dev.fntrace.context;

import dev.fntrace.model.TraceBuilder;

/**
 * The trace of the call running on the current thread. Nested calls stack: entering
 * returns the trace that was current, and restoring it ends the nesting. Registered with
 * Micrometer's context-propagation so that executors can carry it to other threads.
 */
public final class TraceContext {

	private static final ThreadLocal<Slot> SLOTS = new ThreadLocal<>();

	private TraceContext() {
	}

	/**
	 * The trace of the call running on this thread.
	 * @return the current trace, or {@code null} outside any traced call
	 */
	public static TraceBuilder current() {
		Slot slot = SLOTS.get();
		return (slot != null) ? slot.trace : null;
	}

	/**
	 * Make a trace current on this thread.
	 * @param trace the trace, or {@code null} to leave every traced call
	 * @return the trace that was current before, to pass to {@link #restore}
	 */
	public static TraceBuilder enter(TraceBuilder trace) {
		return slot().enter(trace);
	}

	/**
	 * Make a trace that was current before current again.
	 * @param previous the value {@link #enter} returned
	 */
	public static void restore(TraceBuilder previous) {
		Slot slot = SLOTS.get();
		if (slot != null) {
			slot.trace = previous;
		}
		else if (previous != null) {
			slot().trace = previous;
		}
	}

	/**
	 * This thread's slot, for code that reads and changes the current trace several times
	 * in one call: one thread-local lookup instead of one per step. The slot belongs to
	 * the calling thread; never hand it to another.
	 * @return the slot, created on first use and kept by the thread
	 */
	public static Slot slot() {
		Slot slot = SLOTS.get();
		if (slot == null) {
			slot = new Slot();
			SLOTS.set(slot);
		}
		return slot;
	}

	/**
	 * Where one thread keeps its current trace.
	 */
	public static final class Slot {

		private TraceBuilder trace;

		private Slot() {
		}

		/**
		 * The trace of the call running on this slot's thread.
		 * @return the current trace, or {@code null} outside any traced call
		 */
		public TraceBuilder current() {
			return this.trace;
		}

		/**
		 * Make a trace current on this slot's thread.
		 * @param trace the trace, or {@code null} to leave every traced call
		 * @return the trace that was current before, to pass to {@link #restore}
		 */
		public TraceBuilder enter(TraceBuilder trace) {
			TraceBuilder previous = this.trace;
			this.trace = trace;
			return previous;
		}

		/**
		 * Make a trace that was current before current again.
		 * @param previous the value {@link #enter} returned
		 */
		public void restore(TraceBuilder previous) {
			this.trace = previous;
		}

	}

}
