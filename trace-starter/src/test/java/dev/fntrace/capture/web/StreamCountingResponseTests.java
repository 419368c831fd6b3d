package dev.fntrace.capture.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponseWrapper;

import dev.fntrace.capture.CallIdGenerator;
import dev.fntrace.capture.OutcomeRules;
import dev.fntrace.capture.TraceRecorder;
import dev.fntrace.capture.TracingFailures;
import dev.fntrace.model.FnOutcome;
import dev.fntrace.model.FnTrace;
import dev.fntrace.model.TraceLimits;
import dev.fntrace.model.FnType;
import dev.fntrace.model.TraceBuilder;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * What {@link StreamCountingResponse} counts as chunks and bytes, whichever way the body
 * is written.
 */
class StreamCountingResponseTests {

	private final List<FnTrace> finished = new ArrayList<>();

	private final TracingFailures failures = new TracingFailures();

	private final TraceRecorder recorder = new TraceRecorder(new CallIdGenerator(), () -> null, () -> null,
			TraceLimits.ofMaxOps(100), new OutcomeRules(100, null, 100, this.failures), List.of(this.finished::add),
			this.failures, List.of());

	private final MockHttpServletResponse container = new MockHttpServletResponse();

	private final StreamCountingResponse response = new StreamCountingResponse(this.container, this.failures);

	@Test
	void untracedResponseHandsOutTheContainersOwnStream() throws Exception {
		assertThat(this.response.getOutputStream()).isSameAs(this.container.getOutputStream());
	}

	@Test
	void eachFlushAfterWritesIsOneChunkAndTheRestIsCountedWhenTheRequestEnds() throws Exception {
		watchStreamingCall();
		ServletOutputStream out = this.response.getOutputStream();
		out.write(new byte[] { 1, 2, 3 });
		out.write(4);
		out.flush();
		out.flush();
		out.write(new byte[10], 2, 5);
		this.response.flushBuffer();
		out.write(new byte[7]);
		this.response.dispatchEnded(new MockHttpServletRequest());
		FnTrace trace = onlyTrace();
		assertThat(trace.streamChunks()).isEqualTo(3);
		assertThat(trace.streamBytes()).isEqualTo(4 + 5 + 7).isEqualTo(this.container.getContentAsByteArray().length);
	}

	@Test
	void writerCountsTheBytesOfTheResponseCharset() throws Exception {
		this.container.setCharacterEncoding(StandardCharsets.UTF_8.name());
		watchStreamingCall();
		PrintWriter writer = this.response.getWriter();
		String text = "prix: 5 € — clé 𝄞";
		writer.println(text);
		writer.flush();
		this.response.dispatchEnded(new MockHttpServletRequest());
		FnTrace trace = onlyTrace();
		assertThat(trace.streamChunks()).isEqualTo(1);
		assertThat(trace.streamBytes())
			.isEqualTo((text + System.lineSeparator()).getBytes(StandardCharsets.UTF_8).length)
			.isEqualTo(this.container.getContentAsByteArray().length);
		assertThat(this.failures.count()).isZero();
	}

	@Test
	void callThatDoesNotStreamCountsNothing() throws Exception {
		TraceBuilder trace = newTrace();
		this.response.watch(new AsyncRequestCall("value", trace, this.recorder, null, this.failures));
		this.response.getOutputStream().write(new byte[12]);
		this.response.flushBuffer();
		this.response.dispatchEnded(new MockHttpServletRequest());
		assertThat(onlyTrace().streamChunks()).isZero();
		assertThat(onlyTrace().streamBytes()).isZero();
	}

	@Test
	void flushThatFailsCountsNeitherItsChunkNorAnyAfterIt() throws Exception {
		BreakingContainer container = new BreakingContainer(0, 2);
		StreamCountingResponse response = watchStreamingCall(container);
		ServletOutputStream out = response.getOutputStream();
		out.write(new byte[3]);
		out.flush();
		out.write(new byte[4]);
		assertThatIOException().isThrownBy(out::flush);
		out.write(new byte[5]);
		out.flush();
		response.dispatchEnded(new MockHttpServletRequest());
		FnTrace trace = onlyTrace();
		assertThat(trace.streamChunks()).isEqualTo(1);
		assertThat(trace.streamBytes()).isEqualTo(3);
		assertThat(this.failures.count()).isZero();
	}

	@Test
	void writeThatFailsEndsTheCounting() throws Exception {
		BreakingContainer container = new BreakingContainer(3, 0);
		StreamCountingResponse response = watchStreamingCall(container);
		ServletOutputStream out = response.getOutputStream();
		out.write(new byte[2]);
		out.flush();
		out.write(new byte[4]);
		assertThatIOException().isThrownBy(() -> out.write(new byte[6], 1, 5));
		out.flush();
		out.write(7);
		response.flushBuffer();
		response.dispatchEnded(new MockHttpServletRequest());
		FnTrace trace = onlyTrace();
		assertThat(trace.streamChunks()).isEqualTo(1);
		assertThat(trace.streamBytes()).isEqualTo(2);
	}

	@Test
	void responseFlushThatFailsIsNotCountedWhenTheRequestEnds() throws Exception {
		// Spring MVC sends each event of an emitter as writes and one flushBuffer()
		BreakingContainer container = new BreakingContainer(0, 3);
		StreamCountingResponse response = watchStreamingCall(container);
		ServletOutputStream out = response.getOutputStream();
		for (int sent = 1; sent <= 2; sent++) {
			out.write(new byte[10]);
			out.write(new byte[3]);
			response.flushBuffer();
		}
		out.write(new byte[13]);
		assertThatIOException().isThrownBy(response::flushBuffer);
		response.dispatchEnded(new MockHttpServletRequest());
		FnTrace trace = onlyTrace();
		assertThat(trace.streamChunks()).isEqualTo(2).isEqualTo(container.chunksAccepted);
		assertThat(trace.streamBytes()).isEqualTo(26).isEqualTo(container.bytesAccepted);
	}

	@Test
	void writerThatFailsToFlushCountsNeitherItsChunkNorAnyAfterIt() throws Exception {
		BreakingContainer container = new BreakingContainer(0, 2);
		container.setCharacterEncoding(StandardCharsets.UTF_8.name());
		StreamCountingResponse response = watchStreamingCall(container);
		PrintWriter writer = response.getWriter();
		writer.print("data:é\n\n");
		writer.flush();
		writer.print("data:2\n\n");
		writer.flush();
		writer.print("data:3\n\n");
		writer.flush();
		assertThat(writer.checkError()).isTrue();
		response.dispatchEnded(new MockHttpServletRequest());
		FnTrace trace = onlyTrace();
		assertThat(trace.streamChunks()).isEqualTo(1);
		assertThat(trace.streamBytes()).isEqualTo("data:é\n\n".getBytes(StandardCharsets.UTF_8).length);
	}

	@Test
	void clientThatTheContainerReportsGoneTakesNothingMore() throws Exception {
		BreakingContainer container = new BreakingContainer(0, 0);
		StreamCountingResponse response = new StreamCountingResponse(container, this.failures);
		AsyncRequestCall call = new AsyncRequestCall("stream", newTrace(), this.recorder, response, this.failures);
		response.watch(call);
		ServletOutputStream out = response.getOutputStream();
		out.write(new byte[8]);
		out.flush();
		out.write(new byte[5]);
		call.failed(new IOException("Connection reset by peer"));
		out.write(new byte[9]);
		out.flush();
		call.completed();
		FnTrace trace = onlyTrace();
		assertThat(trace.outcome()).isEqualTo(FnOutcome.OK);
		assertThat(trace.streamChunks()).isEqualTo(1);
		assertThat(trace.streamBytes()).isEqualTo(8);
	}

	private void watchStreamingCall() {
		watchStreamingCall(this.response);
	}

	private StreamCountingResponse watchStreamingCall(BreakingContainer container) {
		return watchStreamingCall(new StreamCountingResponse(container, this.failures));
	}

	private StreamCountingResponse watchStreamingCall(StreamCountingResponse response) {
		response.watch(new AsyncRequestCall("stream", newTrace(), this.recorder, response, this.failures));
		return response;
	}

	private TraceBuilder newTrace() {
		return new TraceBuilder("call-1", "stream", FnType.ACTION, null, null, null, null, System.currentTimeMillis(),
				System.nanoTime(), TraceLimits.ofMaxOps(10));
	}

	private FnTrace onlyTrace() {
		assertThat(this.finished).hasSize(1);
		return this.finished.get(0);
	}

	/**
	 * A container response whose connection breaks at one write and at one flush (of its
	 * stream, its writer or the response), counting what it accepted: the chunks and
	 * bytes of the flushes that succeeded. A broken write or flush fails once; the rest
	 * succeed, so that only the counting response can keep from counting them.
	 */
	static final class BreakingContainer extends HttpServletResponseWrapper {

		private final int failingWrite;

		private final int failingFlush;

		private int writes;

		private int flushes;

		private long unflushed;

		long chunksAccepted;

		long bytesAccepted;

		private ServletOutputStream outputStream;

		private PrintWriter writer;

		/**
		 * @param failingWrite the ordinal of the write that fails, 0 for none
		 * @param failingFlush the ordinal of the flush that fails, 0 for none
		 */
		BreakingContainer(int failingWrite, int failingFlush) {
			super(new MockHttpServletResponse());
			this.failingWrite = failingWrite;
			this.failingFlush = failingFlush;
		}

		@Override
		public ServletOutputStream getOutputStream() {
			if (this.outputStream == null) {
				this.outputStream = new ServletOutputStream() {

					@Override
					public void write(int b) throws IOException {
						write(new byte[] { (byte) b }, 0, 1);
					}

					@Override
					public void write(byte[] bytes, int offset, int length) throws IOException {
						accept(length);
					}

					@Override
					public void flush() throws IOException {
						BreakingContainer.this.flush();
					}

					@Override
					public boolean isReady() {
						return true;
					}

					@Override
					public void setWriteListener(WriteListener listener) {
					}

				};
			}
			return this.outputStream;
		}

		@Override
		public PrintWriter getWriter() {
			if (this.writer == null) {
				this.writer = new PrintWriter(new Writer() {

					@Override
					public void write(char[] chars, int offset, int length) throws IOException {
						accept(new String(chars, offset, length).getBytes(getCharacterEncoding()).length);
					}

					@Override
					public void flush() throws IOException {
						BreakingContainer.this.flush();
					}

					@Override
					public void close() {
					}

				});
			}
			return this.writer;
		}

		@Override
		public void flushBuffer() throws IOException {
			flush();
		}

		private void accept(long bytes) throws IOException {
			if (++this.writes == this.failingWrite) {
				throw new IOException("Broken pipe");
			}
			this.unflushed += bytes;
		}

		private void flush() throws IOException {
			if (++this.flushes == this.failingFlush) {
				this.unflushed = 0;
				throw new IOException("Broken pipe");
			}
			if (this.unflushed > 0) {
				this.chunksAccepted++;
				this.bytesAccepted += this.unflushed;
				this.unflushed = 0;
			}
		}

	}

}
