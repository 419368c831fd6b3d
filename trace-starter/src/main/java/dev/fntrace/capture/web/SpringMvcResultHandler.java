package dev.fntrace.capture.web;

import dev.fntrace.capture.PendingResultHandler;
import dev.fntrace.capture.TraceRecorder;
import dev.fntrace.capture.TracingFailures;
import dev.fntrace.model.TraceBuilder;

import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Keeps the trace of a call that returned a Spring MVC result completed later, alone or
 * in a {@link ResponseEntity}, open until the request that waits for it completes. One
 * handler per kind of result:
 * <ul>
 * <li>{@link #emitters} for a {@link ResponseBodyEmitter} (an {@code SseEmitter} among
 * them): every chunk it sends is counted. Spring MVC flushes once per {@code send}, so
 * each send is a chunk; sends made before Spring MVC took the emitter go out together, as
 * one. The stream's outcome is the call's: {@code ok} when it completes or the client
 * goes away, error {@code TIMEOUT} when it times out, the failure it was completed with,
 * or another failure the container reports. Outside a Spring MVC request the emitter's
 * own callbacks finish the trace (Spring Framework 7 keeps every callback registered on
 * an emitter, so the application's stay in place).</li>
 * <li>{@link #streamingBodies} for a {@link StreamingResponseBody}, written by Spring MVC
 * on another thread: counted too. Spring Framework 7 ignores {@code flush()} on the
 * body's stream unless {@code spring.http.response.flush.enabled} is {@code true}, so by
 * default the whole body is one chunk.</li>
 * <li>{@link #deferredResults} for a {@link DeferredResult}: one value, not a stream, so
 * nothing is counted. A {@link Throwable} result is the call's failure, and a request
 * that times out makes it error {@code TIMEOUT}, even when the application answers with a
 * fallback. Its own callbacks are left alone: it keeps only the last of each kind.</li>
 * </ul>
 * Only what the container accepted is counted: not the chunk whose write or flush failed,
 * nor any after it. Outside a Spring MVC request nothing completes a deferred result or
 * writes a streaming body, so their traces are finished when the call returns.
 */
public final class SpringMvcResultHandler implements PendingResultHandler {

	private final Class<?> resultType;

	private final boolean countsStream;

	private final TracingFailures failures;

	private SpringMvcResultHandler(Class<?> resultType, boolean countsStream, TracingFailures failures) {
		this.resultType = resultType;
		this.countsStream = countsStream;
		this.failures = failures;
	}

	/**
	 * The handler of {@link ResponseBodyEmitter} results.
	 * @param failures where fntrace's own failures go
	 * @return the handler
	 */
	public static SpringMvcResultHandler emitters(TracingFailures failures) {
		return new SpringMvcResultHandler(ResponseBodyEmitter.class, true, failures);
	}

	/**
	 * The handler of {@link StreamingResponseBody} results.
	 * @param failures where fntrace's own failures go
	 * @return the handler
	 */
	public static SpringMvcResultHandler streamingBodies(TracingFailures failures) {
		return new SpringMvcResultHandler(StreamingResponseBody.class, true, failures);
	}

	/**
	 * The handler of {@link DeferredResult} results.
	 * @param failures where fntrace's own failures go
	 * @return the handler
	 */
	public static SpringMvcResultHandler deferredResults(TracingFailures failures) {
		return new SpringMvcResultHandler(DeferredResult.class, false, failures);
	}

	/**
	 * The kind of result this handler keeps traces open for.
	 * @return the result type
	 */
	public Class<?> resultType() {
		return this.resultType;
	}

	@Override
	public boolean finishOnCompletion(Object result, TraceBuilder trace, TraceRecorder recorder) {
		Object body = (result instanceof ResponseEntity<?> entity) ? entity.getBody() : result;
		if (!this.resultType.isInstance(body)) {
			return false;
		}
		if (AsyncRequestCall.watch(body, trace, recorder, this.countsStream, this.failures)) {
			return true;
		}
		if (body instanceof ResponseBodyEmitter emitter) {
			emitter.onCompletion(() -> recorder.finish(trace, null, null));
			emitter.onTimeout(() -> recorder.finish(trace, null, AsyncRequestCall.timeout()));
			emitter.onError((failure) -> recorder.finish(trace, null, failure));
			return true;
		}
		return false;
	}

}
