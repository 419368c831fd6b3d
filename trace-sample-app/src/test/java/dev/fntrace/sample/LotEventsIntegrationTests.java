package dev.fntrace.sample;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.fntrace.sample.EventStream.Frame;
import dev.fntrace.sample.SampleApi.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static dev.fntrace.sample.SampleApi.ALICE;
import static dev.fntrace.sample.SampleApi.BOB;
import static dev.fntrace.sample.SampleApi.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/lots/{id}/events} streams a lot's bids as server-sent events through
 * {@code watchLot}, whose trace stays open while the stream lasts and then counts the
 * chunks and bytes it sent. Each test watches a lot of its own, and finds its watchLot
 * trace by the lot read.
 */
class LotEventsIntegrationTests extends SampleAppIntegrationTest {

	/**
	 * The bytes of a heartbeat frame, which LotWatchers sends every 200 ms in these
	 * tests.
	 */
	private static final int HEARTBEAT_BYTES = ":keep-alive\n\n".length();

	@Autowired
	private LotWatchers lotWatchers;

	@Test
	void bidsAreStreamedToAWatcherWhoseTraceCountsWhatWasSent() {
		long lotId = this.api.createLot(ALICE, "Clockwork mouse", 10, null).path("id").asLong();
		long bytesRead;
		int framesRead;
		try (EventStream events = this.api.watch(ALICE, lotId)) {
			assertThat(events.status()).isEqualTo(200);
			assertThat(events.contentType()).startsWith("text/event-stream");
			assertThat(this.lotWatchers.watcherCount(lotId)).isEqualTo(1);
			placeBid(BOB, lotId, 11);
			placeBid(BOB, lotId, 12);

			assertBidEvent(events.nextEvent("bid"), lotId, 11, "bob");
			assertBidEvent(events.nextEvent("bid"), lotId, 12, "bob");
			bytesRead = events.bytesRead();
			framesRead = events.framesRead();
		}

		// the app notices that the client left at its next heartbeats, which end the
		// stream
		JsonNode watchLot = this.api.awaitTrace("fn=watchLot", "the watchLot of lot " + lotId,
				(trace) -> readsLot(trace, lotId));
		assertThat(watchLot.path("fn_type").asString()).isEqualTo("query");
		assertThat(watchLot.path("outcome").path("status").asString()).as("a client leaving ends the stream normally")
			.isEqualTo("ok");
		assertThat(watchLot.path("user_id").asString()).as("the watcher").isEqualTo("alice");
		assertThat(watchLot.path("tenant_id").asString()).as("the watcher's tenant").isEqualTo("acme");
		// what the container accepted: what the client read, then heartbeats the app sent
		// before it
		// noticed that the client had left (the failed one is not counted). Heartbeats
		// sent before
		// Spring MVC took the emitter over go out in one flush, so chunks may be fewer
		// than frames.
		long chunks = watchLot.path("stream_chunks").asLong();
		long bytes = watchLot.path("stream_bytes").asLong();
		assertThat(chunks).isGreaterThanOrEqualTo(2);
		assertThat(bytes).isGreaterThanOrEqualTo(bytesRead);
		assertThat((bytes - bytesRead) % HEARTBEAT_BYTES).as("bytes sent but not read are whole heartbeats").isZero();
		assertThat(chunks).isLessThanOrEqualTo(framesRead + (bytes - bytesRead) / HEARTBEAT_BYTES);
		assertThat(SampleApi.await("no watcher of lot " + lotId,
				() -> (this.lotWatchers.watcherCount(lotId) == 0) ? true : null))
			.isTrue();
	}

	@Test
	void streamEndsWhenTheLotClosesAndItsTraceCountsExactlyWhatWasSent() {
		long lotId = this.api.createLot(ALICE, "Music box", 10, 2L).path("id").asLong();
		try (EventStream events = this.api.watch(BOB, lotId)) {
			assertThat(events.status()).isEqualTo(200);
			assertThat(this.api.lot(BOB, lotId).path("state").asString()).as("watched while open").isEqualTo("OPEN");

			List<Frame> frames = events.awaitEnd();
			assertThat(frames).filteredOn((frame) -> !frame.isComment()).singleElement().satisfies((closed) -> {
				assertThat(closed.event()).isEqualTo("closed");
				JsonNode data = JSON.readTree(closed.data());
				assertThat(data.path("lotId").asLong()).isEqualTo(lotId);
				assertThat(data.path("finalPrice").asLong()).isEqualTo(10);
				assertThat(data.path("winner").isNull()).as("winner in %s", data).isTrue();
			});

			JsonNode watchLot = this.api.awaitTrace("fn=watchLot", "the watchLot of lot " + lotId,
					(trace) -> readsLot(trace, lotId));
			assertThat(watchLot.path("outcome").path("status").asString()).isEqualTo("ok");
			assertThat(watchLot.path("user_id").asString()).isEqualTo("bob");
			assertThat(watchLot.path("tenant_id").asString()).isEqualTo("globex");
			// the server ended the stream and the client read it to the end: nothing sent
			// went unread
			assertThat(watchLot.path("stream_chunks").asLong()).isEqualTo(events.framesRead());
			assertThat(watchLot.path("stream_bytes").asLong()).isEqualTo(events.bytesRead());
		}
		assertThat(this.lotWatchers.watcherCount(lotId)).isZero();
	}

	@Test
	void watchingAClosedLotSendsTheCloseAndEnds() {
		long lotId = this.api.createLot(ALICE, "Snow globe", 10, 1L).path("id").asLong();
		placeBid(BOB, lotId, 15);
		SampleApi.await("lot " + lotId + " closed",
				() -> "CLOSED".equals(this.api.lot(ALICE, lotId).path("state").asString()) ? true : null);

		try (EventStream events = this.api.watch(ALICE, lotId)) {
			assertThat(events.status()).isEqualTo(200);
			List<Frame> frames = events.awaitEnd();
			assertThat(frames).filteredOn((frame) -> !frame.isComment()).singleElement().satisfies((closed) -> {
				assertThat(closed.event()).isEqualTo("closed");
				JsonNode data = JSON.readTree(closed.data());
				assertThat(data.path("finalPrice").asLong()).isEqualTo(15);
				assertThat(data.path("winner").asString()).isEqualTo("bob");
			});
		}
		assertThat(this.lotWatchers.watcherCount(lotId)).isZero();
	}

	@Test
	void watchingAnUnknownLotIsAnsweredWith404() {
		Response events = this.api.send(ALICE, "GET", "/api/lots/987654321/events", null);
		assertThat(events.status()).as(events.body()).isEqualTo(404);
		assertThat(events.json().path("code").asString()).isEqualTo("LOT_NOT_FOUND");
		JsonNode watchLot = this.api.onlyTrace("fn=watchLot");
		assertThat(watchLot.path("outcome").path("status").asString())
			.as("a read-only transaction undoes nothing: the query failed, it rolled nothing back")
			.isEqualTo("error");
		assertThat(watchLot.path("outcome").path("code").asString()).isEqualTo("LOT_NOT_FOUND");
		assertThat(this.lotWatchers.watcherCount(987654321L)).isZero();
	}

	private void placeBid(SampleApi.Caller caller, long lotId, long amount) {
		Response bid = this.api.placeBid(caller, lotId, amount);
		assertThat(bid.status()).as(bid.body()).isEqualTo(201);
	}

	private static void assertBidEvent(Frame frame, long lotId, long amount, String bidder) {
		JsonNode data = JSON.readTree(frame.data());
		assertThat(data.path("lotId").asLong()).isEqualTo(lotId);
		assertThat(data.path("amount").asLong()).isEqualTo(amount);
		assertThat(data.path("bidder").asString()).isEqualTo(bidder);
		String framed = "event:bid\ndata:" + frame.data() + "\n\n";
		assertThat(frame.bytes()).as("bytes of %s", frame).isEqualTo(framed.getBytes(StandardCharsets.UTF_8).length);
	}

	/**
	 * Whether a watchLot trace is the one that read a lot.
	 */
	private static boolean readsLot(JsonNode trace, long lotId) {
		return trace.path("ops")
			.values()
			.stream()
			.anyMatch((op) -> "get".equals(op.path("op").asString()) && "Lot".equals(op.path("entity").asString())
					&& Long.toString(lotId).equals(op.path("id").asString()));
	}

}
