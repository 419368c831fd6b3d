package dev.fntrace.capture;

import java.util.concurrent.CompletionStage;

import dev.fntrace.model.TraceBuilder;

/**
 * Finishes the trace of a call that returned a {@link CompletionStage} when the stage
 * completes, with the stage's value or failure. The caller gets the very stage the method
 * returned.
 */
final class CompletionStageResultHandler implements PendingResultHandler {

	@Override
	public boolean finishOnCompletion(Object result, TraceBuilder trace, TraceRecorder recorder) {
		if (!(result instanceof CompletionStage<?> stage)) {
			return false;
		}
		stage.whenComplete((value, failure) -> recorder.finish(trace, value, failure));
		return true;
	}

}
