package dev.fntrace.capture.web;

import java.io.IOException;
import java.util.concurrent.Callable;

import jakarta.servlet.http.HttpServletRequest;

import dev.fntrace.FnException;
import dev.fntrace.capture.CurrentRequest;
import dev.fntrace.capture.TraceRecorder;
import dev.fntrace.capture.TracingFailures;
import dev.fntrace.model.TraceBuilder;

import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.async.AsyncWebRequest;
import org.springframework.web.context.request.async.CallableProcessingInterceptor;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.context.request.async.DeferredResultProcessingInterceptor;
import org.springframework.web.context.request.async.WebAsyncManager;
import org.springframework.web.context.request.async.WebAsyncUtils;

/**
 * A traced call whose result Spring MVC completes asynchronously, after the call
 * returned: a stream, or a deferred result. Its trace is finished by the request's own
 * life cycle, which Spring MVC reports whatever the result type and whatever callbacks
 * the application registers on it: {@code TIMEOUT} when the request times out, the
 * failure when the container reports one, else, when the request completes, the result's
 * value or the failure it was completed with. A client that goes away from a stream (the
 * container reports an {@link IOException}) ends the stream normally: for a subscription
 * that is how it ends, not a failure of the function.
 * <p>
 * The result objects' own callbacks are not used: a {@link DeferredResult} keeps only the
 * last callback of each kind, so registering one would silently replace the
 * application's, and a {@code ResponseBodyEmitter} completed before it was returned never
 * calls its callbacks.
 */
final class AsyncRequestCall implements CallableProcessingInterceptor, DeferredResultProcessingInterceptor {

	/** The error code of a call whose asynchronous request timed out. */
	static final String TIMEOUT = "TIMEOUT";

	private final Object returned;

	private final TraceBuilder trace;

	private final TraceRecorder recorder;

	private final StreamCountingResponse stream;

	private final TracingFailures failures;

	private volatile Object value;

	private volatile Throwable failure;

	AsyncRequestCall(Object returned, TraceBuilder trace, TraceRecorder recorder, StreamCountingResponse stream,
			TracingFailures failures) {
		this.returned = returned;
		this.trace = trace;
		this.recorder = recorder;
		this.stream = stream;
		this.failures = failures;
	}

	/**
	 * Finish a trace when the current Spring MVC request completes.
	 * @param returned what the call returned
	 * @param trace the call's trace
	 * @param recorder the recorder to finish it with
	 * @param countStream whether the call's result streams to the client, so that the
	 * trace counts the chunks and bytes the response sends
	 * @param failures where fntrace's own failures go
	 * @return {@code true} if the trace will be finished, {@code false} if the current
	 * thread handles no Spring MVC request
	 */
	static boolean watch(Object returned, TraceBuilder trace, TraceRecorder recorder, boolean countStream,
			TracingFailures failures) {
		HttpServletRequest request = CurrentRequest.get();
		if (request == null || !(request
			.getAttribute(WebAsyncUtils.WEB_ASYNC_MANAGER_ATTRIBUTE) instanceof WebAsyncManager manager)) {
			return false;
		}
		AsyncWebRequest asyncRequest = manager.getAsyncWebRequest();
		if (asyncRequest == null || asyncRequest.isAsyncComplete()) {
			return false;
		}
		StreamCountingResponse response = StreamCountingResponse.of(request);
		AsyncRequestCall call = new AsyncRequestCall(returned, trace, recorder, countStream ? response : null,
				failures);
		// added before Spring MVC adds its own, so these run first, whatever the
		// application does
		asyncRequest.addTimeoutHandler(call::timedOut);
		asyncRequest.addErrorHandler(call::failed);
		asyncRequest.addCompletionHandler(call::completed);
		manager.registerCallableInterceptor(call, call);
		manager.registerDeferredResultInterceptor(call, call);
		if (response != null) {
			response.watch(call);
		}
		return true;
	}

	/**
	 * The failure a call is finished with when its asynchronous request times out.
	 * @return a failure with the code {@value #TIMEOUT}
	 */
	static FnException timeout() {
		return new FnException(TIMEOUT, "the asynchronous request timed out");
	}

	/**
	 * The call's trace.
	 * @return the trace
	 */
	TraceBuilder trace() {
		return this.trace;
	}

	/**
	 * Whether the trace counts what the response streams.
	 * @return {@code true} for a streaming call
	 */
	boolean countsStream() {
		return this.stream != null;
	}

	@Override
	public <T> void postProcess(NativeWebRequest request, DeferredResult<T> deferredResult, Object concurrentResult) {
		if (!(this.returned instanceof DeferredResult) || deferredResult == this.returned) {
			resultArrived(concurrentResult);
		}
	}

	@Override
	public <T> void postProcess(NativeWebRequest request, Callable<T> task, Object concurrentResult) {
		if (!(this.returned instanceof DeferredResult)) {
			resultArrived(concurrentResult);
		}
	}

	private void resultArrived(Object result) {
		if (result instanceof Throwable thrown) {
			this.failure = thrown;
		}
		else {
			this.value = result;
		}
	}

	void timedOut() {
		finish(null, timeout());
	}

	void failed(Throwable thrown) {
		// a failure the result was completed with reaches the container wrapped, as a
		// ServletException
		Throwable completedWith = this.failure;
		if (completedWith != null) {
			finish(null, completedWith);
		}
		else if (this.stream != null && isDisconnect(thrown)) {
			// the client is gone: nothing written since the last chunk reached it
			this.stream.broken();
			finish(null, null);
		}
		else {
			finish(null, (thrown != null) ? thrown : new FnException("ASYNC_ERROR", "the asynchronous request failed"));
		}
	}

	private static boolean isDisconnect(Throwable thrown) {
		for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
			if (cause instanceof IOException) {
				return true;
			}
		}
		return false;
	}

	void completed() {
		Throwable thrown = this.failure;
		finish((thrown != null) ? null : this.value, thrown);
	}

	private void finish(Object value, Throwable thrown) {
		try {
			if (this.stream != null) {
				this.stream.endChunk();
			}
			this.recorder.finish(this.trace, value, thrown);
		}
		catch (RuntimeException | LinkageError ex) {
			this.failures.record("finish an asynchronous call", ex);
		}
	}

}
