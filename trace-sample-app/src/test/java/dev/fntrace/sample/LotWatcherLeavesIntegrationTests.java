package dev.fntrace.sample;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static dev.fntrace.sample.SampleApi.ALICE;
import static dev.fntrace.sample.SampleApi.BOB;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that stops watching a lot: the watchLot trace counts exactly the chunks and
 * bytes that the container accepted, which are what the client read and the heartbeats
 * the server sent before it noticed, and none of the one that failed. Heartbeats are sent
 * by the test, not by the scheduler (so this class has an application context of its
 * own), so that it knows which ones the container accepted: those after which the watcher
 * is still there.
 */
@TestPropertySource(properties = "sample.watch.heartbeat=1h")
class LotWatcherLeavesIntegrationTests extends SampleAppIntegrationTest {

	/** The bytes of a heartbeat frame. */
	private static final int HEARTBEAT_BYTES = ":keep-alive\n\n".length();

	@Autowired
	private LotWatchers lotWatchers;

	@Test
	void watcherWhoLeavesIsCountedUpToWhatTheContainerAccepted() {
		long lotId = this.api.createLot(ALICE, "Jack-in-the-box", 10, null).path("id").asLong();
		long bytesRead;
		int framesRead;
		// the stream's headers go out with its first event; events sent before Spring MVC
		// took the
		// stream would go out together, so the second bid waits until the first arrived
		CompletableFuture<EventStream> watching = CompletableFuture.supplyAsync(() -> this.api.watch(ALICE, lotId));
		SampleApi.await("a watcher of lot " + lotId, () -> (this.lotWatchers.watcherCount(lotId) == 1) ? true : null);
		assertThat(this.api.placeBid(BOB, lotId, 11).status()).isEqualTo(201);
		try (EventStream events = watching.join()) {
			assertThat(events.status()).isEqualTo(200);
			events.nextEvent("bid");
			assertThat(this.api.placeBid(BOB, lotId, 12).status()).isEqualTo(201);
			events.nextEvent("bid");
			bytesRead = events.bytesRead();
			framesRead = events.framesRead();
		}
		assertThat(framesRead).as("no heartbeat came while watching").isEqualTo(2);

		int accepted = 0;
		for (int sent = 0; sent < 1000 && this.lotWatchers.watcherCount(lotId) > 0; sent++) {
			this.lotWatchers.heartbeat();
			if (this.lotWatchers.watcherCount(lotId) > 0) {
				accepted++;
			}
		}
		assertThat(this.lotWatchers.watcherCount(lotId)).as("the watcher is gone").isZero();

		JsonNode watchLot = this.api.awaitTrace("fn=watchLot", "the watchLot of lot " + lotId, (trace) -> true);
		assertThat(watchLot.path("outcome").path("status").asString()).isEqualTo("ok");
		assertThat(watchLot.path("stream_chunks").asLong()).isEqualTo(framesRead + accepted);
		assertThat(watchLot.path("stream_bytes").asLong()).isEqualTo(bytesRead + (long) accepted * HEARTBEAT_BYTES);
	}

}
