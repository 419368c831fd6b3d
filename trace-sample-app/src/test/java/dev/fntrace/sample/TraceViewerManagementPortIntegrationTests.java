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

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page and the JSON on a separate management port under another base path: the page
 * reads the endpoint at whatever path it was loaded from.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "management.endpoints.web.base-path=/manage" })
class TraceViewerManagementPortIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalManagementPort
	private int managementPort;

	@Test
	void thePageAndTheJsonAnswerOnTheManagementPortAndBasePath() throws Exception {
		HttpResponse<String> page = get("/manage/fntraces", "text/html");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).startsWith("<!DOCTYPE html>").contains("location.pathname");
		HttpResponse<String> json = get("/manage/fntraces", "application/json");
		assertThat(json.statusCode()).isEqualTo(200);
		assertThat(SampleApi.JSON.readTree(json.body()).path("traces").isArray()).isTrue();
		HttpResponse<String> statistics = get("/manage/fntraces/stats", "application/json");
		assertThat(statistics.statusCode()).isEqualTo(200);
		assertThat(SampleApi.JSON.readTree(statistics.body()).path("functions").isArray()).isTrue();
	}

	private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
		String credentials = Base64.getEncoder().encodeToString("admin:password".getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.managementPort + path))
			.header("Accept", accept)
			.header("Authorization", "Basic " + credentials)
			.GET()
			.build();
		return this.http.send(request, BodyHandlers.ofString());
	}

}
