package dev.fntrace.capture.web;

import dev.fntrace.capture.PendingResultHandler;
import dev.fntrace.capture.TraceRecorder;
import dev.fntrace.capture.TracingFailures;
import dev.fntrace.model.TraceBuilder;

import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Keeps the trace of a call that returned a {@link StreamingResponseBody}, alone or in a
 * {@link ResponseEntity}, open while Spring MVC writes the body on another thread,
 * counting the chunks and bytes it sends. The outcome is {@code ok} when the body was
 * written, the failure {@code writeTo} threw, error {@code TIMEOUT}, or the failure the
 * container reports.
 * <p>
 * Spring Framework 7 ignores {@code flush()} on the body's stream unless the Spring
 * property {@code spring.http.response.flush.enabled} is {@code true}, so by default the
 * whole body is one chunk, flushed once {@code writeTo} returns; with the property, each
 * flush that follows written bytes is a chunk. Outside a Spring MVC request nothing
 * writes the body, so the trace is finished when the call returns.
 */
public final class StreamingResponseBodyResultHandler implements PendingResultHandler {

	private final TracingFailures failures;

	/**
	 * Create a handler.
	 * @param failures where fntrace's own failures go
	 */
	public StreamingResponseBodyResultHandler(TracingFailures failures) {
		this.failures = failures;
	}

	@Override
	public boolean finishOnCompletion(Object result, TraceBuilder trace, TraceRecorder recorder) {
		Object body = (result instanceof ResponseEntity<?> entity) ? entity.getBody() : result;
		return (body instanceof StreamingResponseBody)
				&& AsyncRequestCall.watch(body, trace, recorder, true, this.failures);
	}

}
