package dev.fntrace.capture.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.fntrace.TraceLogReads;
import dev.fntrace.FnException;
import dev.fntrace.Traced;
import dev.fntrace.log.TraceLog;
import dev.fntrace.log.TraceQuery;
import dev.fntrace.model.FnOutcome;
import dev.fntrace.model.FnTrace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.SpringProperties;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Traced calls that return streams and deferred results, driven over real HTTP on Tomcat:
 * each trace stays open until the stream or result completes, ends with the stream's
 * outcome, and counts the chunks and bytes the client was sent.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "fntrace.record-values=true", "spring.datasource.url=jdbc:h2:mem:streams" })
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class StreamTracesTests {

	private static final Duration WAIT = Duration.ofSeconds(5);

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@LocalServerPort
	private int port;

	@Autowired
	private TraceLog log;

	@Autowired
	private Handoff handoff;

	@BeforeEach
	void clear() {
		this.log.clear();
		this.handoff.clear();
	}

	@Test
	void sseStreamIsOkWithOneChunkPerEventAndTheBytesTheClientReceived() throws Exception {
		CompletableFuture<HttpResponse<InputStream>> response = this.http.sendAsync(get("/sse/events"),
				BodyHandlers.ofInputStream());
		SseEmitter emitter = this.handoff.take(SseEmitter.class);
		assertThat(traces("sse.events")).as("traces while the stream is open").isEmpty();
		try (InputStream body = response.get(10, TimeUnit.SECONDS).body()) {
			ByteArrayOutputStream received = new ByteArrayOutputStream();
			readEvents(body, 1, received);
			emitter.send(SseEmitter.event().name("tick").data("2"));
			emitter.send(SseEmitter.event().name("tick").data("3"));
			emitter.complete();
			body.transferTo(received);
			assertThat(received.toString(StandardCharsets.UTF_8)).contains("data:1", "data:2", "data:3");
			FnTrace trace = awaitTrace("sse.events");
			assertThat(trace.outcome()).isEqualTo(FnOutcome.OK);
			assertThat(trace.streamChunks()).isEqualTo(3);
			assertThat(trace.streamBytes()).isEqualTo(received.size());
		}
	}

	@Test
	void clientThatLeavesEndsTheTraceAfterWhatItRead() throws Exception {
		HttpResponse<InputStream> response = this.http.send(get("/sse/endless"), BodyHandlers.ofInputStream());
		long connected = System.nanoTime();
		ByteArrayOutputStream received = new ByteArrayOutputStream();
		try (InputStream body = response.body()) {
			readEvents(body, 2, received);
		}
		double stayedMs = (System.nanoTime() - connected) / 1_000_000.0;
		FnTrace trace = awaitTrace("sse.endless");
		// Tomcat notices when a write fails and reports the socket's own IOException
		// ("Broken pipe",
		// "Connection reset by peer") to the request's async listeners: a client that
		// leaves ends
		// the stream normally
		assertThat(trace.outcome()).isEqualTo(FnOutcome.OK);
		assertThat(trace.streamChunks()).isGreaterThanOrEqualTo(2);
		assertThat(trace.streamBytes()).isGreaterThanOrEqualTo(received.size());
		assertThat(trace.durationMs()).isGreaterThanOrEqualTo(stayedMs);
	}

	@Test
	void clientThatLeavesIsCountedUpToTheLastEventTheContainerAccepted() throws Exception {
		CompletableFuture<HttpResponse<InputStream>> response = this.http.sendAsync(get("/sse/events"),
				BodyHandlers.ofInputStream());
		SseEmitter emitter = this.handoff.take(SseEmitter.class);
		ByteArrayOutputStream received = new ByteArrayOutputStream();
		try (InputStream body = response.get(10, TimeUnit.SECONDS).body()) {
			readEvents(body, 1, received);
		}
		// the client left: send until the container refuses, counting what it accepted
		// (the
		// socket may take a send or two before the client's reset arrives)
		int accepted = 0;
		long acceptedBytes = 0;
		boolean refused = false;
		for (int tick = 2; tick < 1000 && !refused; tick++) {
			try {
				emitter.send(SseEmitter.event().name("tick").data(Integer.toString(tick)));
				accepted++;
				acceptedBytes += ("event:tick\ndata:" + tick + "\n\n").getBytes(StandardCharsets.UTF_8).length;
			}
			catch (IOException | IllegalStateException ex) {
				refused = true;
			}
		}
		assertThat(refused).as("a send was refused").isTrue();
		FnTrace trace = awaitTrace("sse.events");
		assertThat(trace.outcome()).isEqualTo(FnOutcome.OK);
		assertThat(trace.streamChunks()).isEqualTo(1 + accepted);
		assertThat(trace.streamBytes()).isEqualTo(received.size() + acceptedBytes);
	}

	@Test
	void emitterThatTimesOutIsATimeoutError() throws Exception {
		this.http.send(get("/sse/silent"), BodyHandlers.discarding());
		FnTrace trace = awaitTrace("sse.silent");
		assertThat(trace.outcome()).isInstanceOf(FnOutcome.Errored.class);
		assertThat(((FnOutcome.Errored) trace.outcome()).code()).isEqualTo("TIMEOUT");
	}

	@Test
	void emitterCompletedWithErrorIsAnErrorWithItsCode() throws Exception {
		CompletableFuture<HttpResponse<Void>> response = this.http.sendAsync(get("/sse/failing"),
				BodyHandlers.discarding());
		SseEmitter emitter = this.handoff.take(SseEmitter.class);
		emitter.completeWithError(new FnException("FEED_BROKEN", "the feed broke"));
		response.get(10, TimeUnit.SECONDS);
		FnTrace trace = awaitTrace("sse.failing");
		assertThat(trace.outcome()).isEqualTo(new FnOutcome.Errored("FEED_BROKEN", "the feed broke"));
	}

	@Test
	void emitterCompletedBeforeItWasReturnedIsFinishedWhenTheRequestCompletes() throws Exception {
		HttpResponse<byte[]> response = this.http.send(get("/sse/finished"), BodyHandlers.ofByteArray());
		FnTrace trace = awaitTrace("sse.finished");
		assertThat(trace.outcome()).isEqualTo(FnOutcome.OK);
		assertThat(trace.streamChunks()).isEqualTo(1);
		assertThat(trace.streamBytes()).isEqualTo(response.body().length).isPositive();
	}

	@Test
	void streamingBodyCountsEachFlushAsAChunk() throws Exception {
		SpringProperties.setFlag(ServletServerHttpResponse.FLUSH_ENABLED_PROPERTY_NAME);
		try {
			HttpResponse<byte[]> response = this.http.send(get("/body/streamed"), BodyHandlers.ofByteArray());
			assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("chunk 1\nchunk 2\nchunk 3\n");
			FnTrace trace = awaitTrace("body.streamed");
			assertThat(trace.outcome()).isEqualTo(FnOutcome.OK);
			assertThat(trace.streamChunks()).isEqualTo(3);
			assertThat(trace.streamBytes()).isEqualTo(response.body().length);
		}
		finally {
			SpringProperties.setProperty(ServletServerHttpResponse.FLUSH_ENABLED_PROPERTY_NAME, null);
		}
	}

	@Test
	void streamingBodyIsOneChunkWhileSpringIgnoresItsFlushes() throws Exception {
		HttpResponse<byte[]> response = this.http.send(get("/body/streamed"), BodyHandlers.ofByteArray());
		FnTrace trace = awaitTrace("body.streamed");
		assertThat(trace.outcome()).isEqualTo(FnOutcome.OK);
		assertThat(trace.streamChunks()).isEqualTo(1);
		assertThat(trace.streamBytes()).isEqualTo(response.body().length);
	}

	@Test
	void streamInAResponseEntityIsCountedToo() throws Exception {
		HttpResponse<byte[]> response = this.http.send(get("/body/entity"), BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(202);
		FnTrace trace = awaitTrace("body.entity");
		assertThat(trace.outcome()).isEqualTo(FnOutcome.OK);
		assertThat(trace.streamChunks()).isEqualTo(1);
		assertThat(trace.streamBytes()).isEqualTo(response.body().length).isPositive();
	}

	@Test
	void deferredResultKeepsTheTraceOpenUntilItIsSet() throws Exception {
		CompletableFuture<HttpResponse<String>> response = this.http.sendAsync(get("/deferred"),
				BodyHandlers.ofString());
		DeferredResult<String> deferred = this.handoff.take(DeferredResult.class);
		assertThat(traces("deferred.answer")).as("traces before the result is set").isEmpty();
		CompletableFuture.runAsync(() -> deferred.setResult("done"));
		assertThat(response.get(10, TimeUnit.SECONDS).body()).isEqualTo("done");
		FnTrace trace = awaitTrace("deferred.answer");
		assertThat(trace.outcome()).isEqualTo(new FnOutcome.Ok("\"done\""));
		assertThat(trace.streamChunks()).isZero();
		assertThat(trace.streamBytes()).isZero();
	}

	@Test
	void plainJsonCallStreamsNothing() throws Exception {
		HttpResponse<String> response = this.http.send(get("/json"), BodyHandlers.ofString());
		assertThat(response.body()).isEqualTo("{\"answer\":42}");
		FnTrace trace = awaitTrace("json.plain");
		assertThat(trace.outcome().status()).isEqualTo("ok");
		assertThat(trace.streamChunks()).isZero();
		assertThat(trace.streamBytes()).isZero();
	}

	private HttpRequest get(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(10))
			.build();
	}

	private List<FnTrace> traces(String fn) {
		return this.log.find(new TraceQuery(fn, null, null, null, null, 10));
	}

	private FnTrace awaitTrace(String fn) throws InterruptedException {
		return TraceLogReads.awaitOnlyTrace(this.log, fn, WAIT);
	}

	/**
	 * Read a server-sent event stream until it delivered some events (each ends with an
	 * empty line), keeping every byte read.
	 */
	private static void readEvents(InputStream body, int events, ByteArrayOutputStream received) throws IOException {
		int seen = 0;
		int previous = -1;
		while (seen < events) {
			int b = body.read();
			if (b < 0) {
				fail("the stream ended after " + seen + " events");
			}
			received.write(b);
			if (b == '\n' && previous == '\n') {
				seen++;
			}
			previous = b;
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import({ StreamController.class, StreamService.class, Handoff.class })
	static class StreamApplication {

		@Bean(destroyMethod = "shutdownNow")
		ExecutorService streamSenders() {
			return Executors.newCachedThreadPool();
		}

	}

	@RestController
	static class StreamController {

		private final StreamService service;

		private final Handoff handoff;

		StreamController(StreamService service, Handoff handoff) {
			this.service = service;
			this.handoff = handoff;
		}

		@GetMapping("/sse/events")
		SseEmitter events() throws IOException {
			return this.handoff.put(this.service.events());
		}

		@GetMapping("/sse/endless")
		SseEmitter endless() {
			return this.service.endless();
		}

		@GetMapping("/sse/silent")
		SseEmitter silent() {
			return this.service.silent();
		}

		@GetMapping("/sse/failing")
		SseEmitter failing() {
			return this.handoff.put(this.service.failing());
		}

		@GetMapping("/sse/finished")
		SseEmitter finished() throws IOException {
			return this.service.finished();
		}

		@GetMapping("/body/streamed")
		StreamingResponseBody streamed() {
			return this.service.streamed();
		}

		@GetMapping("/body/entity")
		ResponseEntity<StreamingResponseBody> entity() {
			return this.service.entity();
		}

		@GetMapping("/deferred")
		DeferredResult<String> deferred() {
			return this.handoff.put(this.service.answer());
		}

		@GetMapping("/json")
		Map<String, Object> json() {
			return this.service.plain();
		}

	}

	static class StreamService {

		private final ExecutorService senders;

		StreamService(ExecutorService senders) {
			this.senders = senders;
		}

		/** Sends the first event; the test sends the rest. */
		@Traced("sse.events")
		public SseEmitter events() throws IOException {
			SseEmitter emitter = new SseEmitter(10_000L);
			emitter.send(SseEmitter.event().name("tick").data("1"));
			return emitter;
		}

		/** Sends an event every 50 ms until the client goes (or 10 s passed). */
		@Traced("sse.endless")
		public SseEmitter endless() {
			SseEmitter emitter = new SseEmitter(20_000L);
			this.senders.execute(() -> {
				try {
					for (int i = 0; i < 200; i++) {
						emitter.send(SseEmitter.event().data("tick " + i));
						Thread.sleep(50);
					}
					emitter.complete();
				}
				catch (IOException | IllegalStateException ex) {
					// the client went away
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			});
			return emitter;
		}

		@Traced("sse.silent")
		public SseEmitter silent() {
			return new SseEmitter(200L);
		}

		@Traced("sse.failing")
		public SseEmitter failing() {
			return new SseEmitter(10_000L);
		}

		@Traced("sse.finished")
		public SseEmitter finished() throws IOException {
			SseEmitter emitter = new SseEmitter(10_000L);
			emitter.send(SseEmitter.event().data("all at once"));
			emitter.complete();
			return emitter;
		}

		@Traced("body.streamed")
		public StreamingResponseBody streamed() {
			return (out) -> {
				for (int i = 1; i <= 3; i++) {
					out.write(("chunk " + i + "\n").getBytes(StandardCharsets.UTF_8));
					out.flush();
				}
			};
		}

		@Traced("body.entity")
		public ResponseEntity<StreamingResponseBody> entity() {
			return ResponseEntity.accepted().body((out) -> out.write("accepted\n".getBytes(StandardCharsets.UTF_8)));
		}

		@Traced("deferred.answer")
		public DeferredResult<String> answer() {
			return new DeferredResult<>(10_000L);
		}

		@Traced("json.plain")
		public Map<String, Object> plain() {
			return Map.of("answer", 42);
		}

	}

	/**
	 * Hands what a handler's traced call returned to the test, after the call returned.
	 */
	static class Handoff {

		private final BlockingQueue<Object> returned = new LinkedBlockingQueue<>();

		<T> T put(T value) {
			this.returned.add(value);
			return value;
		}

		<T> T take(Class<T> type) throws InterruptedException {
			Object value = this.returned.poll(5, TimeUnit.SECONDS);
			assertThat(value).as("what the handler returned").isInstanceOf(type);
			return type.cast(value);
		}

		void clear() {
			this.returned.clear();
		}

	}

}
