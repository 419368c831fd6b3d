package dev.fntrace;

import java.time.Duration;

import dev.fntrace.context.TraceContext;
import dev.fntrace.model.DbOp;
import dev.fntrace.model.ScheduleTrace;
import dev.fntrace.model.TraceBuilder;

/**
 * Lets application code add to the trace of the call it runs in, for what fntrace cannot
 * see by itself: operations on other stores, chunks streamed over other transports, work
 * scheduled by other means. Outside a traced call every method does nothing, so code can
 * call it freely.
 */
public final class FnTraces {

	private static final CurrentCall NONE = new CurrentCall(null);

	private FnTraces() {
	}

	/**
	 * The call running on this thread.
	 * @return the current call; {@link CurrentCall#isTraced()} tells whether there is one
	 */
	public static CurrentCall current() {
		TraceBuilder trace = TraceContext.current();
		return (trace != null) ? new CurrentCall(trace) : NONE;
	}

	/**
	 * The traced call running on a thread, or none.
	 */
	public static final class CurrentCall {

		private final TraceBuilder trace;

		private CurrentCall(TraceBuilder trace) {
			this.trace = trace;
		}

		/**
		 * Whether a traced call runs on this thread.
		 * @return {@code true} if so
		 */
		public boolean isTraced() {
			return this.trace != null;
		}

		/**
		 * The id of the traced call.
		 * @return the call id, or {@code null} outside a traced call
		 */
		public String callId() {
			return (this.trace != null) ? this.trace.callId() : null;
		}

		/**
		 * Record an operation that just ended.
		 * @param op its kind
		 * @param entity what it touched, or {@code null}
		 * @param id the entity id, or {@code null}
		 * @param duration how long it took
		 * @param ok whether it succeeded
		 */
		public void recordOp(DbOp op, String entity, String id, Duration duration, boolean ok) {
			if (this.trace != null) {
				long durationNanos = duration.toNanos();
				this.trace.addOp(op, entity, id, System.nanoTime() - durationNanos, durationNanos, ok, null, null);
			}
		}

		/**
		 * Record a chunk streamed to the client.
		 * @param bytes its size in bytes
		 */
		public void recordChunk(long bytes) {
			if (this.trace != null) {
				this.trace.addStreamChunk(bytes);
			}
		}

		/**
		 * Record a function scheduled to run later by other means than the
		 * {@link FnScheduler}.
		 * @param fnName the function's name
		 * @param delay its delay, or {@code null}
		 */
		public void recordSchedule(String fnName, Duration delay) {
			if (this.trace != null) {
				this.trace.addSchedule(new ScheduleTrace(fnName, (delay != null) ? delay.toMillis() : null, null));
			}
		}

	}

}
