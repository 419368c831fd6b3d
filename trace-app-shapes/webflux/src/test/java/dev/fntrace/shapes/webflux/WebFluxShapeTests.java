package dev.fntrace.shapes.webflux;

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
 * The starter in a WebFlux application with actuator, over real HTTP: a request whose
 * handler calls a {@code @Traced} method is traced, and {@code /actuator/fntraces} serves
 * the trace. The tenant header is not asserted: fntrace reads it from the servlet
 * request, which WebFlux has not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebFluxShapeTests {

	private static final JsonMapper JSON = JsonMapper.shared();

	// HTTP/1.1: the JDK client's default asks a plain-text server to upgrade to h2c on a
	// new connection, which Reactor Netty (h2c not enabled) left unanswered once in CI
	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@LocalServerPort
	private int port;

	@BeforeEach
	void startWithNoTraces() {
		HttpResponse<String> cleared = send("DELETE", "/actuator/fntraces", null);
		assertThat(cleared.statusCode()).as(cleared.body()).isEqualTo(200);
	}

	@Test
	void classpathHasNoServletNoJdbcNoTransactions() {
		assertThat(isPresent("org.springframework.web.reactive.DispatcherHandler")).isTrue();
		assertThat(isPresent("jakarta.servlet.http.HttpServletRequest")).isFalse();
		assertThat(isPresent("org.springframework.web.servlet.DispatcherServlet")).isFalse();
		assertThat(isPresent("org.springframework.transaction.support.TransactionSynchronization")).isFalse();
		assertThat(isPresent("org.springframework.jdbc.core.JdbcTemplate")).isFalse();
	}

	@Test
	void tracedCallOfARequestIsServedByTheEndpoint() {
		HttpResponse<String> greeting = send("GET", "/greetings/Ada", "acme");
		assertThat(greeting.statusCode()).isEqualTo(200);
		assertThat(greeting.body()).isEqualTo("Hello, Ada");
		JsonNode trace = onlyTrace("fn=Greeter.greet");
		assertThat(trace.path("fn_name").asString()).isEqualTo("Greeter.greet");
		assertThat(trace.path("fn_type").asString()).isEqualTo("action");
		assertThat(trace.path("outcome").path("status").asString()).isEqualTo("ok");
		assertThat(trace.has("user_id")).as("user_id in %s", trace).isFalse();
		assertThat(trace.path("call_id").asString()).isNotBlank();
		assertThat(trace.path("ops").isEmpty()).as("ops in %s", trace).isTrue();
	}

	@Test
	void failedCallOfARequestIsAnError() {
		HttpResponse<String> greeting = send("GET", "/greetings/nobody", "acme");
		assertThat(greeting.statusCode()).isEqualTo(500);
		JsonNode trace = onlyTrace("fn=Greeter.greet&status=error");
		assertThat(trace.path("outcome").path("status").asString()).isEqualTo("error");
		assertThat(trace.path("outcome").path("code").asString()).isEqualTo("IllegalArgumentException");
	}

	private JsonNode onlyTrace(String query) {
		HttpResponse<String> response = send("GET", "/actuator/fntraces?" + query, null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode traces = JSON.readTree(response.body()).path("traces");
		assertThat(traces.size()).as("traces in %s", response.body()).isEqualTo(1);
		return traces.get(0);
	}

	private HttpResponse<String> send(String method, String path, String tenant) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(10))
			.method(method, HttpRequest.BodyPublishers.noBody());
		if (tenant != null) {
			request.header("X-Tenant-Id", tenant);
		}
		try {
			return this.http.send(request.build(), BodyHandlers.ofString());
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
		return ClassUtils.isPresent(className, WebFluxShapeTests.class.getClassLoader());
	}

}
