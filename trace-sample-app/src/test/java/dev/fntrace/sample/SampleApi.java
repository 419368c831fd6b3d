package dev.fntrace.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client of the sample over real HTTP, as API clients would use it: the API as some
 * user, and {@code /actuator/fntraces} as admin. Anything asynchronous is awaited by
 * polling every {@link #POLL_INTERVAL} for at most {@link #ASYNC_TIMEOUT}.
 */
final class SampleApi {

	static final JsonMapper JSON = JsonMapper.shared();

	/** How long to wait at most for something asynchronous. */
	static final Duration ASYNC_TIMEOUT = Duration.ofSeconds(10);

	/** How often to look again while waiting. */
	static final Duration POLL_INTERVAL = Duration.ofMillis(20);

	static final Caller ANONYMOUS = new Caller(null, null);

	static final Caller ADMIN = new Caller("admin", null);

	static final Caller ALICE = new Caller("alice", "acme");

	static final Caller BOB = new Caller("bob", "globex");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final int port;

	SampleApi(int port) {
		this.port = port;
	}

	/**
	 * Remove every trace recorded so far.
	 */
	void clearTraces() {
		Response cleared = send(ADMIN, "DELETE", "/actuator/fntraces", null);
		assertThat(cleared.status()).isEqualTo(200);
		assertThat(cleared.json().path("removed").isIntegralNumber()).as("removed in %s", cleared.body()).isTrue();
	}

	/**
	 * Create a lot, which must be answered with 201.
	 * @param endsInSeconds when the lot closes, or {@code null} to leave it open
	 * @return the lot
	 */
	JsonNode createLot(Caller caller, String title, long startingPrice, Long endsInSeconds) {
		Response created = send(caller, "POST", "/api/lots", lotRequest(title, startingPrice, endsInSeconds));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json();
	}

	static Map<String, Object> lotRequest(String title, long startingPrice, Long endsInSeconds) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", title);
		body.put("startingPrice", startingPrice);
		if (endsInSeconds != null) {
			body.put("endsInSeconds", endsInSeconds);
		}
		return body;
	}

	JsonNode firstOpenLot(Caller caller) {
		Response lots = send(caller, "GET", "/api/lots", null);
		assertThat(lots.status()).isEqualTo(200);
		assertThat(lots.json().size()).as("seeded lots").isGreaterThanOrEqualTo(3);
		return lots.json()
			.values()
			.stream()
			.filter((lot) -> "OPEN".equals(lot.path("state").asString()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No open lot in " + lots.body()));
	}

	JsonNode lot(Caller caller, long lotId) {
		Response lot = send(caller, "GET", "/api/lots/" + lotId, null);
		assertThat(lot.status()).as(lot.body()).isEqualTo(200);
		return lot.json();
	}

	Response placeBid(Caller caller, long lotId, long amount) {
		return send(caller, "POST", "/api/lots/" + lotId + "/bids", Map.of("amount", amount));
	}

	Response autoBid(Caller caller, long lotId, long max) {
		return send(caller, "POST", "/api/lots/" + lotId + "/autobid", Map.of("max", max));
	}

	/**
	 * The traces of {@code GET /actuator/fntraces?query}, newest first, read as admin.
	 */
	List<JsonNode> traces(String query) {
		Response response = send(ADMIN, "GET", "/actuator/fntraces?" + query, null);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode traces = response.json().path("traces");
		assertThat(traces.isArray()).as("traces in %s", response.body()).isTrue();
		return new ArrayList<>(traces.values());
	}

	/**
	 * The one trace of {@code GET /actuator/fntraces?query}.
	 */
	JsonNode onlyTrace(String query) {
		List<JsonNode> traces = traces(query);
		assertThat(traces).as("traces of %s", query).hasSize(1);
		return traces.get(0);
	}

	/**
	 * Wait for a trace of {@code GET /actuator/fntraces?query} that matches, which the
	 * log holds only once the call has finished.
	 * @return the newest trace that matches
	 */
	JsonNode awaitTrace(String query, String description, Predicate<JsonNode> matching) {
		return await(description + " in the traces of " + query,
				() -> traces(query).stream().filter(matching).findFirst().orElse(null));
	}

	/**
	 * Poll until a value is there.
	 * @param description what is awaited, for the failure message
	 * @param value the value, {@code null} while it is not there
	 * @return the value
	 */
	static <T> T await(String description, Supplier<T> value) {
		long deadline = System.nanoTime() + ASYNC_TIMEOUT.toNanos();
		while (true) {
			T found = value.get();
			if (found != null) {
				return found;
			}
			if (System.nanoTime() - deadline > 0) {
				throw new AssertionError("No " + description + " within " + ASYNC_TIMEOUT);
			}
			pause();
		}
	}

	private static void pause() {
		try {
			Thread.sleep(POLL_INTERVAL.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting", ex);
		}
	}

	/**
	 * Start watching a lot's events, as {@code EventSource} would.
	 * @return the stream, open until closed
	 */
	EventStream watch(Caller caller, long lotId) {
		String path = "/api/lots/" + lotId + "/events";
		HttpRequest request = request(caller, path, "text/event-stream").GET().build();
		return new EventStream(exchange("GET", path, request, BodyHandlers.ofInputStream()));
	}

	Response send(Caller caller, String method, String path, Object body) {
		HttpRequest.Builder request = request(caller, path, "application/json");
		if (body != null) {
			request.header("Content-Type", "application/json")
				.method(method, BodyPublishers.ofString(JSON.writeValueAsString(body)));
		}
		else {
			request.method(method, BodyPublishers.noBody());
		}
		return new Response(exchange(method, path, request.build(), BodyHandlers.ofString()));
	}

	private HttpRequest.Builder request(Caller caller, String path, String accept) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", accept);
		if (caller.user() != null) {
			String credentials = caller.user() + ":password";
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		if (caller.tenant() != null) {
			request.header("X-Tenant-Id", caller.tenant());
		}
		return request;
	}

	private <T> HttpResponse<T> exchange(String method, String path, HttpRequest request, BodyHandler<T> body) {
		try {
			return this.http.send(request, body);
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(method + " " + path + " interrupted", ex);
		}
	}

	static List<String> callIds(List<JsonNode> traces) {
		return traces.stream().map((trace) -> trace.path("call_id").asString()).toList();
	}

	/**
	 * The trace's ops as {@code "op entity"}, such as {@code "insert Bid"}, in order.
	 */
	static List<String> opKinds(JsonNode trace) {
		return trace.path("ops")
			.values()
			.stream()
			.map((op) -> op.path("op").asString() + " " + op.path("entity").asString())
			.toList();
	}

	/**
	 * The trace's ops of one kind on one entity, such as {@code get Lot}, in order.
	 */
	static List<JsonNode> ops(JsonNode trace, String kind, String entity) {
		return trace.path("ops")
			.values()
			.stream()
			.filter((op) -> kind.equals(op.path("op").asString()) && entity.equals(op.path("entity").asString()))
			.toList();
	}

	/**
	 * Who sends a request: a user signed in with HTTP Basic (none when {@code null}) and
	 * the tenant sent in {@code X-Tenant-Id} (none when {@code null}).
	 */
	record Caller(String user, String tenant) {

	}

	record Response(HttpResponse<String> response) {

		int status() {
			return this.response.statusCode();
		}

		String body() {
			return this.response.body();
		}

		JsonNode json() {
			return JSON.readTree(this.response.body());
		}

	}

}
