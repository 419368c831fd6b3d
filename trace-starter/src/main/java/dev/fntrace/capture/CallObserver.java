package dev.fntrace.capture;

import dev.fntrace.model.FnTrace;
import dev.fntrace.model.TraceBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Follows traced calls while they happen, for a tracing system that must know a call is
 * running (its span current while the function runs) rather than read it after the fact
 * like a {@link dev.fntrace.log.TraceSink}. At most one observer is told; it keeps what
 * it needs with the call by {@link TraceBuilder#attach}. Its methods run on the hot path
 * and must be quick; what they throw is counted by {@link TracingFailures} and never
 * reaches the call.
 */
public interface CallObserver {

	/**
	 * A call started, on the thread that is about to run it; its trace is not yet
	 * current.
	 * @param trace the call's trace
	 * @param scheduledBy what this observer attached to the call that scheduled this one,
	 * for the run of scheduled work, else {@code null}
	 */
	void started(TraceBuilder trace, @Nullable Object scheduledBy);

	/**
	 * The call is about to run on this thread.
	 * @param trace the call's trace
	 * @return what {@link #exited} needs to close, or {@code null}
	 */
	@Nullable Object entered(TraceBuilder trace);

	/**
	 * The call stopped running on this thread (it may still finish later).
	 * @param trace the call's trace
	 * @param entered what {@link #entered} returned
	 */
	void exited(TraceBuilder trace, @Nullable Object entered);

	/**
	 * The call finished, perhaps on another thread.
	 * @param trace the call's trace
	 * @param finished the finished trace, or {@code null} when it is not kept
	 * @param failure what the call threw, or {@code null}
	 * @return the trace to hand to the sinks: {@code finished}, or a copy with more to
	 * say
	 */
	@Nullable FnTrace finished(TraceBuilder trace, @Nullable FnTrace finished, @Nullable Throwable failure);

}
