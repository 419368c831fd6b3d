package dev.fntrace.compat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.fntrace.capture.TracingFailures;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.util.Version;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * fntrace in a Spring Boot 3.5 application (Spring Framework 6.2, Spring Data 2025.0,
 * Hibernate 6, Jackson 2), driven over real HTTP: traced calls record their repository
 * operations with entity and ids, their rollbacks and their values, and
 * {@code /actuator/fntraces} serves them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class FnTracesOnBoot35IntegrationTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final long AWAIT_MILLIS = 10_000;

	private static final long POLL_MILLIS = 20;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	private int port;

	@Autowired
	private TracingFailures failures;

	@BeforeEach
	void clearTraces() {
		Response cleared = send("DELETE", "/actuator/fntraces", null);
		assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
	}

	@Test
	void runsOnSpringBoot35AndJackson2() {
		assertThat(SpringBootVersion.getVersion()).startsWith("3.5.");
		assertThat(Version.parse(org.springframework.core.SpringVersion.getVersion()))
			.isLessThan(Version.parse("7.0.0"));
		assertThat(isPresent("tools.jackson.databind.json.JsonMapper")).isFalse();
		assertThat(isPresent("com.fasterxml.jackson.databind.ObjectMapper")).isTrue();
	}

	@Test
	void fntraceHasNoFailuresOfItsOwn() {
		create("hat");
		send("GET", "/api/things/1", null);
		assertThat(this.failures.count()).isZero();
	}

	@Test
	void aCallRecordsItsRepositoryOperationsWithEntityAndIds() {
		long lamp = create("lamp").path("id").asLong();
		Response copied = send("POST", "/api/things/" + lamp + "/copies", null);
		assertThat(copied.status()).as(copied.body()).isEqualTo(201);
		long copy = copied.json().path("id").asLong();

		JsonNode trace = onlyTrace("/actuator/fntraces?fn=ThingService.copy&status=ok");
		assertThat(trace.path("fn_type").asText()).isEqualTo("mutation");
		JsonNode ops = trace.path("ops");
		assertThat(ops).hasSize(2);
		assertOp(ops.get(0), "get", "Thing", String.valueOf(lamp), true);
		assertThat(ops.get(0).path("sql").asText()).startsWith("select");
		assertOp(ops.get(1), "insert", "Thing", String.valueOf(copy), true);
		assertThat(ops.get(1).path("sql").asText()).startsWith("insert");
		assertThat(this.failures.count()).isZero();
	}

	@Test
	void aCallWhoseInsertFailsIsRolledBack() {
		create("clock");
		Response duplicate = send("POST", "/api/things", "{\"name\":\"clock\"}");
		assertThat(duplicate.status()).as(duplicate.body()).isEqualTo(409);

		JsonNode trace = onlyTrace("/actuator/fntraces?fn=ThingService.create&status=rolled_back");
		assertThat(trace.path("outcome").path("status").asText()).isEqualTo("rolled_back");
		assertThat(trace.path("outcome").path("code").asText()).isEqualTo("DataIntegrityViolationException");
		assertThat(trace.path("ops")).hasSize(1);
		assertOp(trace.path("ops").get(0), "insert", "Thing", null, false);
	}

	@Test
	void theReturnedValueIsRecordedAsJson() {
		long vase = create("vase").path("id").asLong();
		Response read = send("GET", "/api/things/" + vase, null);
		assertThat(read.status()).as(read.body()).isEqualTo(200);

		JsonNode trace = onlyTrace("/actuator/fntraces?fn=ThingService.get");
		assertThat(trace.path("fn_type").asText()).isEqualTo("query");
		assertThat(trace.path("outcome").path("status").asText()).isEqualTo("ok");
		assertThat(trace.path("outcome").path("value"))
			.isEqualTo(new Response(200, "{\"id\":" + vase + ",\"name\":\"vase\"}").json());
		assertOp(trace.path("ops").get(0), "get", "Thing", String.valueOf(vase), true);
	}

	@Test
	void theEndpointListsTheNewestTracesFirstWithoutFilters() {
		create("bike");
		create("rug");
		Response listed = send("GET", "/actuator/fntraces", null);
		assertThat(listed.status()).as(listed.body()).isEqualTo(200);
		JsonNode traces = listed.json().path("traces");
		assertThat(traces).hasSize(2);
		assertThat(traces.get(0).path("outcome").path("value").path("name").asText()).isEqualTo("rug");
		assertThat(traces.get(1).path("outcome").path("value").path("name").asText()).isEqualTo("bike");
		assertThat(listed.json().path("size").asInt()).isEqualTo(2);
		assertThat(listed.json().path("capacity").asInt()).isPositive();
	}

	@Test
	void theEndpointFiltersByStatusAlone() {
		create("cup");
		send("POST", "/api/things", "{\"name\":\"cup\"}");
		JsonNode failed = onlyTrace("/actuator/fntraces?status=failed");
		assertThat(failed.path("outcome").path("status").asText()).isEqualTo("rolled_back");
		JsonNode ok = onlyTrace("/actuator/fntraces?status=ok&limit=5");
		assertThat(ok.path("outcome").path("value").path("name").asText()).isEqualTo("cup");
	}

	@Test
	void theEndpointRejectsAnUnknownStatus() {
		Response rejected = send("GET", "/actuator/fntraces?status=maybe", null);
		assertThat(rejected.status()).as(rejected.body()).isEqualTo(400);
	}

	@Test
	void theEndpointServesOneTraceByItsCallId() {
		long pen = create("pen").path("id").asLong();
		String callId = onlyTrace("/actuator/fntraces?fn=ThingService.create&status=ok").path("call_id").asText();
		Response one = send("GET", "/actuator/fntraces/" + callId, null);
		assertThat(one.status()).as(one.body()).isEqualTo(200);
		assertThat(one.json().path("call_id").asText()).isEqualTo(callId);
		assertThat(one.json().path("fn_name").asText()).isEqualTo("ThingService.create");
		assertOp(one.json().path("ops").get(0), "insert", "Thing", String.valueOf(pen), true);
	}

	@Test
	void aStreamIsTracedUntilItCompletesWithTheBytesItSent() {
		create("mug");
		create("jar");
		Response streamed = send("GET", "/api/things/names", null);
		assertThat(streamed.status()).as(streamed.body()).isEqualTo(200);
		assertThat(streamed.body()).contains("mug\n", "jar\n");

		JsonNode trace = awaitOnlyTrace("/actuator/fntraces?fn=ThingController.names");
		assertThat(trace.path("outcome").path("status").asText()).isEqualTo("ok");
		assertThat(trace.path("stream_bytes").asLong()).isEqualTo(streamed.body().length());
		assertThat(trace.path("stream_chunks").asLong()).isPositive();
		JsonNode names = onlyTrace("/actuator/fntraces?fn=ThingService.names");
		assertThat(names.path("parent_call_id").asText()).isEqualTo(trace.path("call_id").asText());
		assertOp(names.path("ops").get(0), "list", "Thing", null, true);
	}

	@Test
	void theEndpointAnswers404ForAnUnknownCallId() {
		Response missing = send("GET", "/actuator/fntraces/no-such-call", null);
		assertThat(missing.status()).isEqualTo(404);
	}

	private JsonNode create(String name) {
		Response created = send("POST", "/api/things", "{\"name\":\"" + name + "\"}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json();
	}

	private JsonNode onlyTrace(String path) {
		Response listed = send("GET", path, null);
		assertThat(listed.status()).as(listed.body()).isEqualTo(200);
		JsonNode traces = listed.json().path("traces");
		assertThat(traces).as(listed.body()).hasSize(1);
		return traces.get(0);
	}

	/**
	 * The only trace a query finds, once there is one: a stream's trace ends when the
	 * request completes, which may be just after the client read the last byte. Looks
	 * every {@value #POLL_MILLIS} ms for at most {@value #AWAIT_MILLIS} ms.
	 */
	private JsonNode awaitOnlyTrace(String path) {
		long deadline = System.nanoTime() + Duration.ofMillis(AWAIT_MILLIS).toNanos();
		while (true) {
			Response listed = send("GET", path, null);
			assertThat(listed.status()).as(listed.body()).isEqualTo(200);
			JsonNode traces = listed.json().path("traces");
			if (!traces.isEmpty() || System.nanoTime() > deadline) {
				assertThat(traces).as(listed.body()).hasSize(1);
				return traces.get(0);
			}
			try {
				Thread.sleep(POLL_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while waiting for " + path, ex);
			}
		}
	}

	private static void assertOp(JsonNode op, String kind, String entity, String id, boolean ok) {
		assertThat(op.path("op").asText()).as("op of %s", op).isEqualTo(kind);
		assertThat(op.path("entity").asText()).as("entity of %s", op).isEqualTo(entity);
		assertThat(op.path("id").isMissingNode() ? null : op.path("id").asText()).as("id of %s", op).isEqualTo(id);
		assertThat(op.path("ok").asBoolean()).as("ok of %s", op).isEqualTo(ok);
	}

	private Response send(String method, String path, String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(10))
			.header("Accept", "application/json, text/plain;q=0.9");
		if (json != null) {
			request.header("Content-Type", "application/json").method(method, BodyPublishers.ofString(json));
		}
		else {
			request.method(method, BodyPublishers.noBody());
		}
		try {
			java.net.http.HttpResponse<String> response = this.http.send(request.build(), BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(method + " " + path + " was interrupted", ex);
		}
	}

	private static boolean isPresent(String className) {
		return org.springframework.util.ClassUtils.isPresent(className, null);
	}

	private record Response(int status, String body) {

		JsonNode json() {
			try {
				return JSON.readTree(this.body);
			}
			catch (IOException ex) {
				throw new IllegalStateException("not JSON: " + this.body, ex);
			}
		}

	}

}
