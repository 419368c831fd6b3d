package dev.fntrace.capture.web;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.ServletOutputStream;

import dev.fntrace.capture.CallIdGenerator;
import dev.fntrace.capture.OutcomeRules;
import dev.fntrace.capture.TraceRecorder;
import dev.fntrace.capture.TracingFailures;
import dev.fntrace.model.FnTrace;
import dev.fntrace.model.TraceLimits;
import dev.fntrace.model.FnType;
import dev.fntrace.model.TraceBuilder;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link StreamCountingResponse} counts as chunks and bytes, whichever way the body is
 * written.
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
		assertThat(trace.streamBytes()).isEqualTo((text + System.lineSeparator()).getBytes(StandardCharsets.UTF_8).length)
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

	private void watchStreamingCall() {
		this.response.watch(new AsyncRequestCall("stream", newTrace(), this.recorder, this.response, this.failures));
	}

	private TraceBuilder newTrace() {
		return new TraceBuilder("call-1", "stream", FnType.ACTION, null, null, null, null, System.currentTimeMillis(),
				System.nanoTime(), 10);
	}

	private FnTrace onlyTrace() {
		assertThat(this.finished).hasSize(1);
		return this.finished.get(0);
	}

}
