package dev.fntrace.capture.web;

import dev.fntrace.capture.PendingResultHandler;
import dev.fntrace.capture.TraceRecorder;
import dev.fntrace.capture.TracingFailures;
import dev.fntrace.model.TraceBuilder;

import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * Keeps the trace of a call that returned a {@link DeferredResult}, alone or in a
 * {@link ResponseEntity}, open until the Spring MVC request that waits for it completes.
 * The value is the {@link DeferredResult#getResult() result}; a {@link Throwable} result
 * is the call's failure, and a request that times out makes it error {@code TIMEOUT},
 * even when the application answers the timeout with a fallback result. Nothing the
 * result streams is counted: it is one value, not a stream.
 * <p>
 * The deferred result's own callbacks are left alone: it keeps only the last of each
 * kind, so registering one would replace the application's. Outside a Spring MVC request
 * nothing completes a deferred result, so the trace is finished when the call returns.
 */
public final class DeferredResultResultHandler implements PendingResultHandler {

	private final TracingFailures failures;

	/**
	 * Create a handler.
	 * @param failures where fntrace's own failures go
	 */
	public DeferredResultResultHandler(TracingFailures failures) {
		this.failures = failures;
	}

	@Override
	public boolean finishOnCompletion(Object result, TraceBuilder trace, TraceRecorder recorder) {
		Object body = (result instanceof ResponseEntity<?> entity) ? entity.getBody() : result;
		return (body instanceof DeferredResult<?>)
				&& AsyncRequestCall.watch(body, trace, recorder, false, this.failures);
	}

}
