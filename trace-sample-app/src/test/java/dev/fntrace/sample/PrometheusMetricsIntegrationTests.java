package dev.fntrace.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static dev.fntrace.sample.SampleApi.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * fntrace's meters, scraped from the sample's {@code /actuator/prometheus} beside the
 * meters Spring already publishes. The sample runs as it would for a user (a test context
 * would switch metrics export off).
 */
class PrometheusMetricsIntegrationTests {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static ConfigurableApplicationContext app;

	private static SampleApi api;

	private static int port;

	@BeforeAll
	static void startTheSample() {
		app = new SpringApplicationBuilder(SampleApplication.class).run("--server.port=0");
		port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
		api = new SampleApi(port);
	}

	@AfterAll
	static void stopTheSample() {
		if (app != null) {
			app.close();
		}
	}

	@Test
	void fntracesMetersAreScrapedBesideSpringsOwn() throws Exception {
		JsonNode lot = api.firstOpenLot(ALICE);
		long lotId = lot.path("id").asLong();
		assertThat(api.placeBid(ALICE, lotId, lot.path("currentPrice").asLong()).status()).isEqualTo(409);
		List<String> lines = scrape();
		assertThat(lines).anySatisfy((line) -> assertThat(line).startsWith("fntrace_calls_seconds_count{")
			.contains("fn=\"getLots\"", "type=\"query\"", "status=\"ok\"", "code=\"none\""));
		assertThat(lines).anySatisfy((line) -> assertThat(line).startsWith("fntrace_calls_seconds_count{")
			.contains("fn=\"placeBid\"", "type=\"mutation\"", "status=\"rolled_back\"", "code=\"BID_TOO_LOW\""));
		assertThat(lines)
			.anySatisfy((line) -> assertThat(line).startsWith("fntrace_call_ops_count{").contains("fn=\"getLots\""));
		assertThat(lines).anySatisfy((line) -> assertThat(line).startsWith("fntrace_failures_total"));
		assertThat(lines).anySatisfy((line) -> assertThat(line).startsWith("http_server_requests_seconds_count{"));
		assertThat(lines).filteredOn((line) -> line.startsWith("fntrace_"))
			.noneSatisfy((line) -> assertThat(line).containsAnyOf("user", "tenant", "call_id", "alice", "acme"));
	}

	private static List<String> scrape() throws IOException, InterruptedException {
		String credentials = Base64.getEncoder().encodeToString("admin:password".getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
			.header("Authorization", "Basic " + credentials)
			.header("Accept", "text/plain")
			.timeout(Duration.ofSeconds(10))
			.GET()
			.build();
		HttpResponse<String> scrape = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(scrape.statusCode()).as(scrape.body()).isEqualTo(200);
		return scrape.body().lines().toList();
	}

}
