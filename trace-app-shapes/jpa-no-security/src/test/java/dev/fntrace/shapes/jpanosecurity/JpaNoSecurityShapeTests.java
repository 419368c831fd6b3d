package dev.fntrace.shapes.jpanosecurity;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter in a Spring MVC application on Spring Data JPA with actuator and no Spring
 * Security, over real HTTP: repository calls are operations of the traced call, and
 * {@code /actuator/fntraces} serves the traces. The database starts with thing 1,
 * {@code kettle}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JpaNoSecurityShapeTests {

	private static final JsonMapper JSON = JsonMapper.shared();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	private int port;

	@BeforeEach
	void startWithNoTraces() {
		HttpResponse<String> cleared = send("DELETE", "/actuator/fntraces", null);
		assertThat(cleared.statusCode()).as(cleared.body()).isEqualTo(200);
	}

	@Test
	void classpathHasJpaButNoSecurity() {
		assertThat(isPresent("jakarta.persistence.EntityManager")).isTrue();
		assertThat(isPresent("org.springframework.security.core.context.SecurityContextHolder")).isFalse();
	}

	@Test
	void findByIdIsAGetOfTheThing() {
		HttpResponse<String> thing = send("GET", "/things/1", null);
		assertThat(thing.statusCode()).as(thing.body()).isEqualTo(200);
		assertThat(thing.body()).isEqualTo("kettle");
		JsonNode trace = onlyTrace("fn=Things.name");
		assertThat(trace.path("fn_type").asString()).isEqualTo("query");
		assertThat(trace.path("outcome").path("status").asString()).isEqualTo("ok");
		assertThat(trace.has("user_id")).as("user_id in %s", trace).isFalse();
		JsonNode ops = trace.path("ops");
		assertThat(ops.size()).as("ops in %s", trace).isEqualTo(1);
		assertThat(ops.get(0).path("op").asString()).isEqualTo("get");
		assertThat(ops.get(0).path("entity").asString()).isEqualTo("Thing");
		assertThat(ops.get(0).path("id").asString()).isEqualTo("1");
		assertThat(ops.get(0).path("row_count").asLong()).isEqualTo(1);
		assertThat(ops.get(0).path("sql").asString()).startsWith("select").contains("?");
	}

	@Test
	void saveOfANewThingIsAnInsertWithItsId() {
		HttpResponse<String> added = send("POST", "/things", "teapot");
		assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
		String id = added.body();
		JsonNode trace = onlyTrace("fn=Things.add");
		assertThat(trace.path("fn_type").asString()).isEqualTo("mutation");
		assertThat(trace.path("outcome").path("status").asString()).isEqualTo("ok");
		JsonNode ops = trace.path("ops");
		assertThat(ops.size()).as("ops in %s", trace).isEqualTo(1);
		assertThat(ops.get(0).path("op").asString()).isEqualTo("insert");
		assertThat(ops.get(0).path("entity").asString()).isEqualTo("Thing");
		assertThat(ops.get(0).path("id").asString()).isEqualTo(id);
	}

	@Test
	void missingThingIsAnError() {
		HttpResponse<String> thing = send("GET", "/things/404", null);
		assertThat(thing.statusCode()).isEqualTo(404);
		JsonNode trace = onlyTrace("fn=Things.name&status=failed");
		assertThat(trace.path("outcome").path("code").asString()).isEqualTo("ThingNotFoundException");
		assertThat(trace.path("ops").get(0).path("op").asString()).isEqualTo("get");
		assertThat(trace.path("ops").get(0).path("row_count").asLong()).isZero();
	}

	private JsonNode onlyTrace(String query) {
		HttpResponse<String> response = send("GET", "/actuator/fntraces?" + query, null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode traces = JSON.readTree(response.body()).path("traces");
		assertThat(traces.size()).as("traces in %s", response.body()).isEqualTo(1);
		return traces.get(0);
	}

	private HttpResponse<String> send(String method, String path, String body) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "text/plain")
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody())
			.build();
		try {
			return this.http.send(request, BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static boolean isPresent(String className) {
		return ClassUtils.isPresent(className, JpaNoSecurityShapeTests.class.getClassLoader());
	}

}
