package dev.fntrace.capture.web;

import dev.fntrace.capture.PendingResultHandler;
import dev.fntrace.capture.TraceRecorder;
import dev.fntrace.capture.TracingFailures;
import dev.fntrace.model.TraceBuilder;

import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

/**
 * Keeps the trace of a call that returned a {@link ResponseBodyEmitter} (an
 * {@link org.springframework.web.servlet.mvc.method.annotation.SseEmitter SseEmitter} among them),
 * alone or in a {@link ResponseEntity}, open until the stream ends, counting every chunk it sends
 * and its bytes. Spring MVC flushes the response once per {@code send}, so each send is a chunk;
 * sends made before Spring MVC took the emitter go out together, as one. Only the sends the
 * container accepted are counted: not the one whose write or flush failed, nor any after it. The stream's outcome is
 * the call's: {@code ok} when it completes or the client goes away (on Tomcat, the
 * {@code IOException} of the write that found the connection closed), error {@code TIMEOUT} when
 * it times out, the failure it was completed with, or another failure the container reports.
 * <p>
 * Outside a Spring MVC request the emitter's own callbacks finish the trace; Spring Framework 7
 * keeps every callback registered on an emitter, so the application's stay in place.
 */
public final class ResponseBodyEmitterResultHandler implements PendingResultHandler {

	private final TracingFailures failures;

	/**
	 * Create a handler.
	 * @param failures where fntrace's own failures go
	 */
	public ResponseBodyEmitterResultHandler(TracingFailures failures) {
		this.failures = failures;
	}

	@Override
	public boolean finishOnCompletion(Object result, TraceBuilder trace, TraceRecorder recorder) {
		Object body = (result instanceof ResponseEntity<?> entity) ? entity.getBody() : result;
		if (!(body instanceof ResponseBodyEmitter emitter)) {
			return false;
		}
		if (AsyncRequestCall.watch(body, trace, recorder, true, this.failures)) {
			return true;
		}
		emitter.onCompletion(() -> recorder.finish(trace, null, null));
		emitter.onTimeout(() -> recorder.finish(trace, null, AsyncRequestCall.timeout()));
		emitter.onError((failure) -> recorder.finish(trace, null, failure));
		return true;
	}

}
