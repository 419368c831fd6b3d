package dev.fntrace.capture;

import dev.fntrace.model.TraceBuilder;

/**
 * Keeps a call's trace open while its result is still under way: a future, a stream, a
 * deferred result. Implementations register a callback that {@link TraceRecorder#finish
 * finishes} the trace when the result completes, times out or fails.
 */
public interface PendingResultHandler {

	/**
	 * Arrange for the trace to be finished when the result completes, if the result is of
	 * a kind this handler knows.
	 * @param result what the call returned, never {@code null}
	 * @param trace the call's trace
	 * @param recorder the recorder to finish it with
	 * @return {@code true} if the handler took over finishing the trace
	 */
	boolean finishOnCompletion(Object result, TraceBuilder trace, TraceRecorder recorder);

	/**
	 * The handler of {@link java.util.concurrent.CompletionStage} results: the trace
	 * finishes when the stage completes.
	 * @return the handler
	 */
	static PendingResultHandler completionStages() {
		return new CompletionStageResultHandler();
	}

}
