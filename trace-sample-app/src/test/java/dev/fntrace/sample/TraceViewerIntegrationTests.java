package dev.fntrace.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over HTTP, {@code /actuator/fntraces} answers a browser with the page and every JSON
 * client with JSON as before, behind the actuator's security; the statistics answer at
 * {@code /actuator/fntraces/stats}.
 */
class TraceViewerIntegrationTests extends SampleAppIntegrationTest {

	private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,"
			+ "image/avif,image/webp,image/apng,*/*;q=0.8";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Test
	void aBrowserGetsThePage() {
		HttpResponse<String> response = get("admin", "/actuator/fntraces", BROWSER_ACCEPT);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
		assertThat(response.body()).startsWith("<!DOCTYPE html>").contains("id=\"traces\"");
	}

	@Test
	void jsonClientsGetJsonAsBefore() {
		this.api.firstOpenLot(SampleApi.ALICE);
		assertThat(contentType(get("admin", "/actuator/fntraces", "*/*")))
			.isEqualTo("application/vnd.spring-boot.actuator.v3+json");
		assertThat(contentType(get("admin", "/actuator/fntraces", null)))
			.isEqualTo("application/vnd.spring-boot.actuator.v3+json");
		assertThat(contentType(get("admin", "/actuator/fntraces", "application/json"))).isEqualTo("application/json");
		assertThat(contentType(get("admin", "/actuator/fntraces", "application/vnd.spring-boot.actuator.v2+json")))
			.isEqualTo("application/vnd.spring-boot.actuator.v2+json");
		HttpResponse<String> json = get("admin", "/actuator/fntraces?fn=getLots", "application/json");
		JsonNode body = SampleApi.JSON.readTree(json.body());
		assertThat(body.path("traces").get(0).path("fn_name").asString()).isEqualTo("getLots");
		assertThat(body.path("cursor").isIntegralNumber()).isTrue();
	}

	@Test
	void thePageIsProtectedLikeTheEndpoint() {
		assertThat(get("alice", "/actuator/fntraces", BROWSER_ACCEPT).statusCode()).isEqualTo(403);
		HttpResponse<String> anonymous = get(null, "/actuator/fntraces", BROWSER_ACCEPT);
		assertThat(anonymous.statusCode()).isEqualTo(302);
		assertThat(anonymous.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login"));
	}

	@Test
	void statisticsAnswerAtStats() {
		this.api.firstOpenLot(SampleApi.ALICE);
		this.api.firstOpenLot(SampleApi.BOB);
		HttpResponse<String> response = get("admin", "/actuator/fntraces/stats", "application/json");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode statistics = SampleApi.JSON.readTree(response.body());
		JsonNode getLots = statistics.path("functions").get(0);
		assertThat(getLots.path("fn_name").asString()).isEqualTo("getLots");
		assertThat(getLots.path("calls").asLong()).isEqualTo(2);
		assertThat(getLots.path("errors").asLong()).isZero();
		assertThat(getLots.path("histogram").size()).isEqualTo(statistics.path("histogram_bounds_ms").size() + 1);
	}

	private static String contentType(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.headers().firstValue("Content-Type").orElseThrow();
	}

	private HttpResponse<String> get(String user, String path, String accept) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).GET();
		if (accept != null) {
			request.header("Accept", accept);
		}
		if (user != null) {
			request.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((user + ":password").getBytes(StandardCharsets.UTF_8)));
		}
		try {
			return this.http.send(request.build(), BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException("GET " + path + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("GET " + path + " interrupted", ex);
		}
	}

}
