package dev.fntrace.sample;

import java.time.Duration;
import java.util.function.Predicate;

import dev.fntrace.model.FnTrace;
import dev.fntrace.model.FnType;
import dev.fntrace.sample.SampleApi.Response;
import dev.fntrace.test.FnTraceRecorder;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static dev.fntrace.sample.SampleApi.ALICE;
import static dev.fntrace.sample.SampleApi.BOB;
import static dev.fntrace.sample.SampleApi.JSON;
import static dev.fntrace.sample.SampleApi.lotRequest;
import static dev.fntrace.test.FnTraceAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A lot created with {@code endsInSeconds} is closed by {@code closeLot}, which
 * {@code createLot} schedules with fntrace's {@code FnScheduler}: the schedule shows in
 * createLot's trace, and the later run is traced with {@code scheduled_by}, or never
 * happens if createLot rolled back.
 */
class ScheduledCloseIntegrationTests extends SampleAppIntegrationTest {

	@Autowired
	private WinnerNotifier winnerNotifier;

	@Test
	void lotClosesWhenItEndsAndItsHighestBidderWins(FnTraceRecorder traces) {
		JsonNode created = this.api.createLot(ALICE, "Pocket watch", 40, 1L);
		long lotId = created.path("id").asLong();
		assertThat(created.path("state").asString()).isEqualTo("OPEN");
		Response bid = this.api.placeBid(BOB, lotId, 41);
		assertThat(bid.status()).as("a bid before the lot closes: %s", bid.body()).isEqualTo(201);

		JsonNode createLot = this.api.onlyTrace("fn=createLot");
		assertThat(createLot.path("outcome").path("status").asString()).isEqualTo("ok");
		assertThat(createLot.path("schedules"))
			.isEqualTo(JSON.readTree("[{\"fn_name\":\"closeLot\",\"delay_ms\":1000,\"status\":\"scheduled\"}]"));
		String createLotId = createLot.path("call_id").asString();

		assertThat(traces).call("createLot").isOk().scheduled("closeLot");

		// closeLot runs on the scheduler's thread once its second has passed
		Predicate<FnTrace> scheduledByCreateLot = (trace) -> createLotId.equals(trace.scheduledBy());
		assertThat(traces).awaitCall("closeLot", scheduledByCreateLot, SampleApi.ASYNC_TIMEOUT)
			.wasScheduledBy("createLot")
			.as("a scheduled run has no parent")
			.hasNoParent()
			.as("the scheduling call's user and tenant")
			.hasUser("alice")
			.hasTenant("acme")
			.as("closeLot")
			.hasType(FnType.MUTATION)
			.isOk()
			.ops()
			.extracting((op) -> op.op().jsonName() + " " + op.entity())
			.containsExactly("get Lot", "lookup Bid", "update lot");
		FnTrace closeLot = traces.awaitCall("closeLot", scheduledByCreateLot, SampleApi.ASYNC_TIMEOUT);
		assertThat(closeLot.ops().get(0).id()).isEqualTo(Long.toString(lotId));
		assertThat(closeLot.ops().get(2).sql()).startsWith("update lot set");
		JsonNode closeLotJson = this.api.awaitTrace("fn=closeLot", "closeLot " + closeLot.callId(),
				(trace) -> closeLot.callId().equals(trace.path("call_id").asString()));
		assertThat(closeLotJson.path("schedules"))
			.as("the @Async notice to the winner, handed off once the close committed")
			.isEqualTo(JSON.readTree("[{\"fn_name\":\"WinnerNotifier.notifyWinner\",\"status\":\"scheduled\"}]"));
		assertThat(SampleApi.await("the winner's notice",
				() -> this.winnerNotifier.notices().contains("bob won lot " + lotId + " for 41") ? true : null))
			.isTrue();

		JsonNode closed = this.api.lot(ALICE, lotId);
		assertThat(closed.path("state").asString()).isEqualTo("CLOSED");
		assertThat(closed.path("winner").asString()).isEqualTo("bob");
		assertThat(closed.path("currentPrice").asLong()).isEqualTo(41);

		Response late = this.api.placeBid(ALICE, lotId, 1_000);
		assertThat(late.status()).as(late.body()).isEqualTo(409);
		assertThat(late.json().path("code").asString()).isEqualTo("LOT_CLOSED");

		assertThat(traces.traces()).filteredOn((trace) -> createLotId.equals(trace.scheduledBy()))
			.as("the closeLot call is the scheduled run's only trace, no wrapper around it")
			.extracting(FnTrace::callId)
			.containsExactly(closeLot.callId());
	}

	@Test
	void lotWithoutBidsClosesWithoutWinner() {
		JsonNode created = this.api.createLot(BOB, "Glass marbles", 5, 1L);
		long lotId = created.path("id").asLong();
		String createLotId = this.api.onlyTrace("fn=createLot").path("call_id").asString();

		JsonNode closeLot = this.api.awaitTrace("fn=closeLot", "a closeLot scheduled by " + createLotId,
				(trace) -> createLotId.equals(trace.path("scheduled_by").asString()));
		assertThat(closeLot.path("outcome").path("status").asString()).isEqualTo("ok");
		assertThat(closeLot.path("schedules").isEmpty()).as("no winner, no notice").isTrue();
		JsonNode closed = this.api.lot(BOB, lotId);
		assertThat(closed.path("state").asString()).isEqualTo("CLOSED");
		assertThat(closed.path("winner").isNull()).as("winner in %s", closed).isTrue();
		assertThat(closed.path("currentPrice").asLong()).isEqualTo(5);
	}

	@Test
	void closeScheduledByCreateLotThatRolledBackIsDroppedAndNeverRuns(FnTraceRecorder traces) {
		// the database refuses a negative price when the lot is inserted at commit, after
		// createLot scheduled its close
		Response refused = this.api.send(ALICE, "POST", "/api/lots", lotRequest("Cracked vase", -1, 1L));
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.json().path("code").asString()).isEqualTo("INVALID_REQUEST");

		JsonNode createLot = this.api.onlyTrace("fn=createLot");
		assertThat(createLot.path("outcome").path("status").asString()).isEqualTo("rolled_back");
		assertThat(createLot.path("outcome").path("code").asString()).isEqualTo("DataIntegrityViolationException");
		assertThat(createLot.path("schedules"))
			.isEqualTo(JSON.readTree("[{\"fn_name\":\"closeLot\",\"delay_ms\":1000,\"status\":\"dropped\"}]"));
		String createLotId = createLot.path("call_id").asString();
		long refusedId = createLot.path("ops").get(0).path("id").asLong();
		assertThat(this.api.send(ALICE, "GET", "/api/lots/" + refusedId, null).status()).as("no lot stored")
			.isEqualTo(404);

		assertThat(traces).call("createLot")
			.isRolledBack()
			.withCode("DataIntegrityViolationException")
			.hasDroppedSchedule("closeLot");

		// a bounded wait for something that must not happen: had it been scheduled,
		// closeLot would have run (and failed, LOT_NOT_FOUND) one second after the
		// commit; watch twice as long
		assertThatExceptionOfType(AssertionError.class).as("a closeLot scheduled by " + createLotId)
			.isThrownBy(() -> traces.awaitCall("closeLot", (trace) -> createLotId.equals(trace.scheduledBy()),
					Duration.ofSeconds(2)));
	}

}
