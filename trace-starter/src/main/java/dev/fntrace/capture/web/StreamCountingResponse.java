package dev.fntrace.capture.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import dev.fntrace.capture.TracingFailures;

/**
 * A response that counts the bytes its body stream or writer takes, once a traced call
 * that streams to the client {@link #watch watches} it. A chunk is what one flush sends:
 * every flush of the stream, the writer or the response that follows at least one written
 * byte, and what is left unflushed when the request ends. Until then it hands out the
 * container's own stream and writer, untouched.
 * <p>
 * The counts are what the container accepted: once a write or flush fails, or the
 * container reports that the client went away, the response is {@link #broken() broken}:
 * the chunk that failed and everything after it are not counted.
 */
final class StreamCountingResponse extends HttpServletResponseWrapper {

	/** The request attribute that holds a request's counting response. */
	static final String ATTRIBUTE = StreamCountingResponse.class.getName();

	private static final AsyncRequestCall[] NONE = {};

	private final TracingFailures failures;

	private final AtomicLong unflushed = new AtomicLong();

	private volatile AsyncRequestCall[] calls = NONE;

	private volatile boolean counting;

	private volatile boolean broken;

	private CountingServletOutputStream outputStream;

	private PrintWriter writer;

	StreamCountingResponse(HttpServletResponse response, TracingFailures failures) {
		super(response);
		this.failures = failures;
	}

	/**
	 * The counting response of a request.
	 * @param request the request
	 * @return its counting response, or {@code null} if the filter did not see it
	 */
	static StreamCountingResponse of(ServletRequest request) {
		return (request.getAttribute(ATTRIBUTE) instanceof StreamCountingResponse response) ? response : null;
	}

	/**
	 * Watch a call whose result completes with this request: it is finished if the
	 * request ends without going asynchronous, and counts the streamed chunks if it
	 * {@link AsyncRequestCall#countsStream streams}.
	 * @param call the call
	 */
	synchronized void watch(AsyncRequestCall call) {
		AsyncRequestCall[] watched = Arrays.copyOf(this.calls, this.calls.length + 1);
		watched[watched.length - 1] = call;
		this.calls = watched;
		if (call.countsStream()) {
			this.counting = true;
		}
	}

	@Override
	public ServletOutputStream getOutputStream() throws IOException {
		if (!this.counting) {
			return super.getOutputStream();
		}
		synchronized (this) {
			if (this.outputStream == null) {
				this.outputStream = new CountingServletOutputStream(super.getOutputStream(), this);
			}
			return this.outputStream;
		}
	}

	@Override
	public PrintWriter getWriter() throws IOException {
		if (!this.counting) {
			return super.getWriter();
		}
		synchronized (this) {
			if (this.writer == null) {
				PrintWriter container = super.getWriter();
				this.writer = new CountingPrintWriter(container, charset(), this);
			}
			return this.writer;
		}
	}

	private Charset charset() {
		try {
			return Charset.forName(getCharacterEncoding());
		}
		catch (IllegalArgumentException ex) {
			return StandardCharsets.UTF_8;
		}
	}

	@Override
	public void flushBuffer() throws IOException {
		try {
			super.flushBuffer();
		}
		catch (IOException | RuntimeException ex) {
			broken();
			throw ex;
		}
		if (this.counting) {
			endChunk();
		}
	}

	@Override
	public void resetBuffer() {
		super.resetBuffer();
		this.unflushed.set(0);
	}

	@Override
	public void reset() {
		super.reset();
		this.unflushed.set(0);
	}

	/**
	 * Count bytes the body took.
	 * @param bytes how many
	 */
	void written(long bytes) {
		if (!this.broken) {
			this.unflushed.addAndGet(bytes);
		}
	}

	/**
	 * End the current chunk: the bytes written since the last one, if any, are one chunk
	 * of every streaming call, unless the response is broken.
	 */
	void endChunk() {
		long bytes = this.unflushed.getAndSet(0);
		if (bytes <= 0 || this.broken) {
			return;
		}
		for (AsyncRequestCall call : this.calls) {
			if (call.countsStream()) {
				try {
					call.trace().addStreamChunk(bytes);
				}
				catch (RuntimeException ex) {
					this.failures.record("count a streamed chunk", ex);
				}
			}
		}
	}

	/**
	 * A write or flush failed, or the client is known to be gone: what was written since
	 * the last chunk, and whatever is written from now on, did not reach the client and
	 * is not counted.
	 */
	void broken() {
		this.broken = true;
		this.unflushed.set(0);
	}

	/**
	 * The container dispatch that the filter wrapped has ended: if the request did not go
	 * asynchronous, the calls that waited for it are complete.
	 * @param request the request
	 */
	void dispatchEnded(ServletRequest request) {
		AsyncRequestCall[] watched = this.calls;
		if (watched.length > 0 && !request.isAsyncStarted()) {
			for (AsyncRequestCall call : watched) {
				call.completed();
			}
		}
	}

}
