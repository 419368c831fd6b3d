package dev.fntrace.sample;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static dev.fntrace.sample.SampleApi.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's spans in a real Zipkin server: the build copies Zipkin's executable jar to
 * {@code target/zipkin}, this test starts it on a free loopback port with in-memory
 * storage, runs the sample with its {@code zipkin} profile pointed at it, makes a call
 * and reads Zipkin's HTTP API until the call's span is there with its SQL operations as
 * children. The server is always stopped.
 */
class ZipkinExportIntegrationTests {

	private static final Path ZIPKIN_JAR = Path.of("target", "zipkin", "zipkin-server.jar");

	private static final Duration ZIPKIN_STARTUP = Duration.ofSeconds(90);

	private static final Duration SPAN_ARRIVAL = Duration.ofSeconds(30);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static Process zipkin;

	private static int zipkinPort;

	private static ConfigurableApplicationContext app;

	private static SampleApi api;

	@BeforeAll
	static void startZipkinAndTheSample() throws Exception {
		assertThat(ZIPKIN_JAR).as("Zipkin's jar, copied by the build (run ./mvnw verify)").isRegularFile();
		zipkinPort = freeLoopbackPort();
		Path log = ZIPKIN_JAR.resolveSibling("zipkin.log");
		// listening on loopback only (Zipkin serves through Armeria's port settings)
		ProcessBuilder builder = new ProcessBuilder(javaCommand(), "-Xmx256m", "-jar",
				ZIPKIN_JAR.toAbsolutePath().toString(), "--armeria.ports[0].ip=127.0.0.1",
				"--armeria.ports[0].port=" + zipkinPort, "--armeria.ports[0].protocols[0]=http")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().put("STORAGE_TYPE", "mem");
		builder.environment().put("QUERY_PORT", String.valueOf(zipkinPort));
		builder.environment().put("SELF_TRACING_ENABLED", "false");
		zipkin = builder.start();
		awaitZipkin(log);
		app = new SpringApplicationBuilder(SampleApplication.class).profiles("zipkin")
			.run("--server.port=0", "--management.tracing.export.zipkin.endpoint=" + zipkinUrl("/api/v2/spans"));
		api = new SampleApi(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
	}

	@AfterAll
	static void stopTheSampleAndZipkin() throws InterruptedException {
		try {
			if (app != null) {
				app.close();
			}
		}
		finally {
			if (zipkin != null) {
				zipkin.destroy();
				if (!zipkin.waitFor(10, TimeUnit.SECONDS)) {
					zipkin.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
				}
			}
		}
	}

	@Test
	void aTracedCallIsASpanInZipkinWithItsSqlOperationsAsChildren() {
		api.firstOpenLot(ALICE);
		JsonNode fnTrace = api.awaitTrace("fn=getLots", "a trace with span ids",
				(trace) -> trace.hasNonNull("trace_id") && trace.path("user_id").asString("").equals("alice"));
		String traceId = fnTrace.path("trace_id").asString();
		String spanId = fnTrace.path("span_id").asString();
		List<JsonNode> spans = awaitSpans(traceId, spanId);
		JsonNode call = spans.stream().filter((span) -> span.path("id").asString().equals(spanId)).findFirst().get();
		assertThat(call.path("name").asString()).isEqualTo("getlots");
		assertThat(call.path("localEndpoint").path("serviceName").asString()).isEqualTo("fntrace-sample");
		assertThat(call.path("tags").path("fn").asString()).isEqualTo("getLots");
		assertThat(call.path("tags").path("type").asString()).isEqualTo("query");
		assertThat(call.path("tags").path("outcome").asString()).isEqualTo("ok");
		assertThat(call.path("tags").path("tenant").asString()).isEqualTo("acme");
		assertThat(call.path("tags").path("call_id").asString()).isEqualTo(fnTrace.path("call_id").asString());
		assertThat(call.path("tags").has("user")).as("the user, hidden by the show-values policy").isFalse();
		List<JsonNode> ops = spans.stream()
			.filter((span) -> spanId.equals(span.path("parentId").asString(null))
					&& span.path("tags").has("db.operation"))
			.toList();
		assertThat(ops).isNotEmpty();
		assertThat(ops).allSatisfy((op) -> {
			assertThat(op.path("tags").path("db.statement").asString()).startsWithIgnoringCase("select");
			assertThat(op.path("timestamp").asLong()).isGreaterThanOrEqualTo(call.path("timestamp").asLong() - 1000);
		});
	}

	private static List<JsonNode> awaitSpans(String traceId, String spanId) {
		long deadline = System.nanoTime() + SPAN_ARRIVAL.toNanos();
		List<JsonNode> spans = List.of();
		while (System.nanoTime() - deadline < 0) {
			HttpResponse<String> response = get("/api/v2/trace/" + traceId);
			if (response.statusCode() == 200) {
				spans = new ArrayList<>(JSON.readTree(response.body()).values());
				boolean hasCall = spans.stream().anyMatch((span) -> span.path("id").asString().equals(spanId));
				boolean hasOps = spans.stream().anyMatch((span) -> spanId.equals(span.path("parentId").asString(null)));
				if (hasCall && hasOps) {
					return spans;
				}
			}
			pause();
		}
		throw new AssertionError("Zipkin had no span " + spanId + " with children in trace " + traceId + " within "
				+ SPAN_ARRIVAL + "; it had " + spans);
	}

	private static void awaitZipkin(Path log) throws IOException {
		long deadline = System.nanoTime() + ZIPKIN_STARTUP.toNanos();
		while (System.nanoTime() - deadline < 0) {
			if (!zipkin.isAlive()) {
				throw new AssertionError("Zipkin exited with " + zipkin.exitValue() + ":\n" + tail(log));
			}
			try {
				if (get("/health").statusCode() == 200) {
					return;
				}
			}
			catch (RuntimeException ex) {
				// not listening yet
			}
			pause();
		}
		throw new AssertionError("Zipkin did not start within " + ZIPKIN_STARTUP + ":\n" + tail(log));
	}

	private static HttpResponse<String> get(String path) {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(zipkinUrl(path)))
				.timeout(Duration.ofSeconds(5))
				.GET()
				.build();
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException("GET " + path + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	private static String zipkinUrl(String path) {
		return "http://127.0.0.1:" + zipkinPort + path;
	}

	private static int freeLoopbackPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static String javaCommand() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static String tail(Path log) throws IOException {
		List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
	}

	private static void pause() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

}
