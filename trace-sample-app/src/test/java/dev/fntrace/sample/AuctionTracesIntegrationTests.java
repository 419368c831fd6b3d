package dev.fntrace.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.fntrace.model.DbOp;
import dev.fntrace.model.FnType;
import dev.fntrace.sample.SampleApi.Response;
import dev.fntrace.test.FnTraceRecorder;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.fntrace.sample.SampleApi.ADMIN;
import static dev.fntrace.sample.SampleApi.ALICE;
import static dev.fntrace.sample.SampleApi.ANONYMOUS;
import static dev.fntrace.sample.SampleApi.BOB;
import static dev.fntrace.sample.SampleApi.callIds;
import static dev.fntrace.sample.SampleApi.opKinds;
import static dev.fntrace.sample.SampleApi.ops;
import static dev.fntrace.test.FnTraceAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives the sample over real HTTP, as API clients would, and checks what fntrace
 * recorded through {@code /actuator/fntraces}. The database lives as long as the
 * application context, so tests read a lot's current price before bidding on it rather
 * than assume one.
 */
class AuctionTracesIntegrationTests extends SampleAppIntegrationTest {

	@Test
	void acceptedBidIsTracedAsMutationWithUserTenantAndRepositoryOps() {
		JsonNode lot = this.api.firstOpenLot(ALICE);
		long lotId = lot.path("id").asLong();
		long amount = lot.path("currentPrice").asLong() + 7_654_321;
		Response bid = this.api.placeBid(ALICE, lotId, amount);
		assertThat(bid.status()).as(bid.body()).isEqualTo(201);
		long bidId = bid.json().path("id").asLong();
		assertThat(bidId).isPositive();
		assertThat(bid.json().path("lotId").asLong()).isEqualTo(lotId);
		assertThat(bid.json().path("amount").asLong()).isEqualTo(amount);
		assertThat(bid.json().path("bidder").asString()).isEqualTo("alice");

		JsonNode trace = this.api.onlyTrace("fn=placeBid");
		assertThat(trace.path("call_id").asString()).isNotBlank();
		assertThat(trace.path("fn_name").asString()).isEqualTo("placeBid");
		assertThat(trace.path("fn_type").asString()).isEqualTo("mutation");
		assertThat(trace.path("user_id").asString()).isEqualTo("alice");
		assertThat(trace.path("tenant_id").asString()).isEqualTo("acme");
		assertThat(trace.path("outcome").path("status").asString()).isEqualTo("ok");
		assertThat(trace.path("outcome").propertyNames()).as("fields of an ok outcome").isSubsetOf("status", "value");
		assertThat(trace.path("duration_ms").asDouble()).isGreaterThanOrEqualTo(0);
		// the repository calls findLockedById and save, then the update of the lot that
		// Hibernate
		// flushes at commit, which no repository call ran
		assertThat(opKinds(trace)).containsExactly("get Lot", "insert Bid", "update lot");
		JsonNode read = trace.path("ops").get(0);
		assertThat(read.path("id").asString()).isEqualTo(Long.toString(lotId));
		assertThat(read.path("row_count").asLong()).isEqualTo(1);
		assertThat(read.path("sql").asString()).contains("from lot").contains("id=?").endsWith("for update");
		JsonNode insert = trace.path("ops").get(1);
		assertThat(insert.path("id").asString()).isEqualTo(Long.toString(bidId));
		assertThat(insert.path("sql").asString()).startsWith("insert into bid");
		JsonNode update = trace.path("ops").get(2);
		assertThat(update.has("id")).as("id of %s", update).isFalse();
		assertThat(update.path("row_count").asLong()).isEqualTo(1);
		assertThat(update.path("sql").asString()).startsWith("update lot set").contains("where id=?");
		for (JsonNode op : trace.path("ops")) {
			assertThat(op.path("ok").asBoolean()).as("ok of %s", op).isTrue();
			assertThat(op.path("sql").asString()).as("sql of %s", op)
				.contains("?")
				.doesNotContain(Long.toString(amount));
		}

		JsonNode listed = this.api.onlyTrace("fn=getLots");
		assertThat(listed.path("fn_type").asString()).isEqualTo("query");
		assertThat(listed.path("user_id").asString()).isEqualTo("alice");
		assertThat(listed.path("tenant_id").asString()).isEqualTo("acme");
		assertThat(listed.path("outcome").path("status").asString()).isEqualTo("ok");
		assertThat(opKinds(listed)).containsExactly("list Lot");
		JsonNode list = listed.path("ops").get(0);
		assertThat(list.has("id")).as("id of %s", list).isFalse();
		assertThat(list.path("row_count").asLong()).isGreaterThanOrEqualTo(3);
		assertThat(list.path("sql").asString()).contains("from lot").contains("order by");
	}

	@Test
	void getLotIsTracedWithAGetOpOnTheLotById() {
		long lotId = this.api.firstOpenLot(ALICE).path("id").asLong();
		this.api.lot(ALICE, lotId);

		JsonNode trace = this.api.onlyTrace("fn=getLot");
		assertThat(trace.path("fn_type").asString()).isEqualTo("query");
		assertThat(trace.path("outcome").path("status").asString()).isEqualTo("ok");
		assertThat(opKinds(trace)).containsExactly("get Lot");
		JsonNode get = trace.path("ops").get(0);
		assertThat(get.path("id").asString()).isEqualTo(Long.toString(lotId));
		assertThat(get.path("row_count").asLong()).isEqualTo(1);
		assertThat(get.path("ok").asBoolean()).isTrue();
		assertThat(get.path("sql").asString()).startsWith("select").contains("from lot").contains("id=?");
	}

	@Test
	void bidTooLowIsAnsweredWith409AndTracedAsRolledBack(FnTraceRecorder traces) {
		JsonNode lot = this.api.firstOpenLot(ALICE);
		long lotId = lot.path("id").asLong();
		long price = lot.path("currentPrice").asLong();
		Response bid = this.api.placeBid(ALICE, lotId, price);
		assertThat(bid.status()).as(bid.body()).isEqualTo(409);
		assertThat(bid.json().path("code").asString()).isEqualTo("BID_TOO_LOW");
		assertThat(bid.json().path("message").asString()).isNotBlank();
		assertThat(this.api.lot(ALICE, lotId).path("currentPrice").asLong()).isEqualTo(price);

		assertThat(traces).call("placeBid")
			.hasType(FnType.MUTATION)
			.isRolledBack()
			.withCode("BID_TOO_LOW")
			.as("the lot was read, nothing written")
			.ran(DbOp.GET, "Lot")
			.ranAtMost(1)
			.wroteNothing();
		String callId = traces.call("placeBid").callId();
		assertThat(traces.call("placeBid").ops().get(0).id()).isEqualTo(Long.toString(lotId));
		JsonNode trace = this.api.onlyTrace("fn=placeBid");
		assertThat(trace.path("call_id").asString()).isEqualTo(callId);
		assertThat(trace.path("outcome").propertyNames()).as("fields of a rolled_back outcome")
			.isSubsetOf("status", "code", "message");
		assertThat(callIds(this.api.traces("status=rolled_back"))).contains(callId);
		assertThat(callIds(this.api.traces("status=failed"))).contains(callId);
		List<JsonNode> ok = this.api.traces("status=ok");
		assertThat(ok).as("the getLots and getLot calls")
			.isNotEmpty()
			.allSatisfy((okTrace) -> assertThat(okTrace.path("outcome").path("status").asString()).isEqualTo("ok"));
		assertThat(callIds(ok)).doesNotContain(callId);
	}

	@Test
	void bidOnUnknownLotIsAnsweredWith404AndTracedAsRolledBack() {
		Response bid = this.api.placeBid(ALICE, 987_654_321L, 100);
		assertThat(bid.status()).as(bid.body()).isEqualTo(404);
		assertThat(bid.json().path("code").asString()).isEqualTo("LOT_NOT_FOUND");

		JsonNode trace = this.api.onlyTrace("fn=placeBid");
		JsonNode outcome = trace.path("outcome");
		assertThat(outcome.path("status").asString()).isEqualTo("rolled_back");
		assertThat(outcome.path("code").asString()).isEqualTo("LOT_NOT_FOUND");
		assertThat(ops(trace, "get", "Lot")).singleElement()
			.satisfies((op) -> assertThat(op.path("row_count").asLong()).isZero());
	}

	@Test
	void endpointServesOneTraceByCallIdAndRejectsInvalidQueries() {
		assertThat(this.api.send(ALICE, "GET", "/api/lots", null).status()).isEqualTo(200);
		assertThat(this.api.send(ALICE, "GET", "/api/lots", null).status()).isEqualTo(200);
		Response listed = this.api.send(ADMIN, "GET", "/actuator/fntraces?fn=getLots", null);
		assertThat(listed.status()).isEqualTo(200);
		assertThat(listed.json().path("capacity").asInt()).isPositive();
		assertThat(listed.json().path("size").asInt()).isGreaterThanOrEqualTo(2);
		assertThat(listed.json().path("total_count").asLong()).isGreaterThanOrEqualTo(2);
		List<JsonNode> getLots = new ArrayList<>(listed.json().path("traces").values());
		assertThat(getLots).hasSize(2);
		assertThat(getLots.get(0).path("started_at").asLong()).as("newest first")
			.isGreaterThanOrEqualTo(getLots.get(1).path("started_at").asLong());
		assertThat(this.api.traces("fn=getLots&limit=1")).containsExactly(getLots.get(0));

		JsonNode newest = getLots.get(0);
		String callId = newest.path("call_id").asString();
		Response one = this.api.send(ADMIN, "GET", "/actuator/fntraces/" + callId, null);
		assertThat(one.status()).isEqualTo(200);
		assertThat(one.json()).isEqualTo(newest);

		assertThat(this.api.send(ADMIN, "GET", "/actuator/fntraces/no-such-call", null).status()).isEqualTo(404);
		for (String query : new String[] { "status=nonsense", "limit=-1", "limit=abc", "minDurationMs=x", "after=-3",
				"slow=maybe" }) {
			SampleApi.Response refused = this.api.send(ADMIN, "GET", "/actuator/fntraces?" + query, null);
			String parameter = query.substring(0, query.indexOf('='));
			assertThat(refused.status()).as(query).isEqualTo(400);
			assertThat(refused.json().path("message").asString()).as(refused.body())
				.startsWith("Invalid parameter '" + parameter + "'");
		}
	}

	@Test
	void tracesAreForAdminsOnlyAndTheApiForSignedInUsers() {
		Response anonymous = this.api.send(ANONYMOUS, "GET", "/actuator/fntraces", null);
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.response().headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Basic"));
		assertThat(this.api.send(ANONYMOUS, "DELETE", "/actuator/fntraces", null).status()).isEqualTo(401);
		assertThat(this.api.send(ALICE, "GET", "/actuator/fntraces", null).status()).isEqualTo(403);
		assertThat(this.api.send(ALICE, "DELETE", "/actuator/fntraces", null).status()).isEqualTo(403);
		Response health = this.api.send(ANONYMOUS, "GET", "/actuator/health", null);
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().path("status").asString()).isEqualTo("UP");

		Response bid = this.api.send(ANONYMOUS, "POST", "/api/lots/1/bids", Map.of("amount", 1_000_000));
		assertThat(bid.status()).isEqualTo(401);
		assertThat(bid.response().headers().firstValue("Location")).as("no redirect to a login page").isEmpty();
		assertThat(this.api.send(ANONYMOUS, "GET", "/api/lots", null).status()).isEqualTo(401);
		assertThat(this.api.send(ANONYMOUS, "GET", "/api/lots/1/events", null).status()).isEqualTo(401);
		assertThat(this.api.send(ANONYMOUS, "POST", "/api/lots/1/autobid", Map.of("max", 1_000_000)).status())
			.isEqualTo(401);
		assertThat(this.api.traces("fn=placeBid")).as("a rejected request calls no function").isEmpty();
	}

	@Test
	void tracesAreFilteredByTenantAndUser() {
		JsonNode lot = this.api.firstOpenLot(BOB);
		long lotId = lot.path("id").asLong();
		Response bobsBid = this.api.placeBid(BOB, lotId, lot.path("currentPrice").asLong() + 10);
		assertThat(bobsBid.status()).as(bobsBid.body()).isEqualTo(201);
		Response alicesBid = this.api.placeBid(ALICE, lotId,
				this.api.lot(ALICE, lotId).path("currentPrice").asLong() + 10);
		assertThat(alicesBid.status()).as(alicesBid.body()).isEqualTo(201);
		assertThat(this.api.traces("")).extracting((trace) -> trace.path("user_id").asString())
			.contains("alice", "bob");

		List<JsonNode> globex = this.api.traces("tenant=globex");
		assertThat(globex).extracting((trace) -> trace.path("fn_name").asString()).contains("getLots", "placeBid");
		assertThat(globex).allSatisfy((trace) -> {
			assertThat(trace.path("tenant_id").asString()).isEqualTo("globex");
			assertThat(trace.path("user_id").asString()).isEqualTo("bob");
		});
		List<JsonNode> globexBids = this.api.traces("fn=placeBid&tenant=globex");
		assertThat(globexBids).hasSize(1);
		assertThat(globexBids.get(0).path("user_id").asString()).isEqualTo("bob");

		List<JsonNode> alice = this.api.traces("user=alice");
		assertThat(alice).extracting((trace) -> trace.path("fn_name").asString()).contains("getLot", "placeBid");
		assertThat(alice).allSatisfy((trace) -> {
			assertThat(trace.path("user_id").asString()).isEqualTo("alice");
			assertThat(trace.path("tenant_id").asString()).isEqualTo("acme");
		});
		assertThat(this.api.traces("fn=placeBid&user=alice")).hasSize(1);
	}

	@Test
	void createdLotIsAnsweredWith201AndTracedAsMutation() {
		Response created = this.api.send(ALICE, "POST", "/api/lots", Map.of("title", "Tin robot", "startingPrice", 25));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long lotId = created.json().path("id").asLong();
		assertThat(lotId).isPositive();
		assertThat(created.json().path("title").asString()).isEqualTo("Tin robot");
		assertThat(created.json().path("currentPrice").asLong()).isEqualTo(25);
		assertThat(created.json().path("state").asString()).isEqualTo("OPEN");
		assertThat(created.json().path("winner").isNull()).as("winner in %s", created.body()).isTrue();
		assertThat(created.response().headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/api/lots/" + lotId));
		assertThat(this.api.lot(ALICE, lotId).path("title").asString()).isEqualTo("Tin robot");

		JsonNode trace = this.api.onlyTrace("fn=createLot");
		assertThat(trace.path("fn_type").asString()).isEqualTo("mutation");
		assertThat(trace.path("user_id").asString()).isEqualTo("alice");
		assertThat(trace.path("outcome").path("status").asString()).isEqualTo("ok");
		assertThat(trace.path("schedules").isEmpty()).as("a lot without an end schedules nothing").isTrue();
		// save only reads the next id of the sequence; Hibernate inserts the lot at
		// commit
		assertThat(opKinds(trace)).containsExactly("insert Lot", "insert lot");
		JsonNode save = trace.path("ops").get(0);
		assertThat(save.path("id").asString()).isEqualTo(Long.toString(lotId));
		assertThat(save.path("sql").asString()).contains("lot_seq");
		JsonNode flushed = trace.path("ops").get(1);
		assertThat(flushed.has("id")).as("id of %s", flushed).isFalse();
		assertThat(flushed.path("row_count").asLong()).isEqualTo(1);
		assertThat(flushed.path("sql").asString()).startsWith("insert into lot").doesNotContain("Tin robot");
		assertThat(trace.path("ops").values()).allSatisfy((op) -> assertThat(op.path("ok").asBoolean()).isTrue());
	}

	@Test
	void negativeStartingPriceIsRefusedByTheDatabaseAndAnsweredWith400() {
		Response created = this.api.send(ALICE, "POST", "/api/lots",
				Map.of("title", "Chipped teapot", "startingPrice", -1));
		assertThat(created.status()).as(created.body()).isEqualTo(400);
		assertThat(created.json().path("code").asString()).isEqualTo("INVALID_REQUEST");
		assertThat(created.json().path("message").asString()).contains("startingPrice");

		JsonNode trace = this.api.onlyTrace("fn=createLot");
		assertThat(trace.path("outcome").path("status").asString()).isEqualTo("rolled_back");
		assertThat(trace.path("outcome").path("code").asString()).isEqualTo("DataIntegrityViolationException");
		assertThat(trace.path("outcome").path("message").asString()).containsIgnoringCase("lot_price_not_negative");
		assertThat(opKinds(trace)).containsExactly("insert Lot", "insert lot");
		assertThat(trace.path("ops").get(1).path("ok").asBoolean()).as("the insert at commit failed").isFalse();
		long refusedId = trace.path("ops").get(0).path("id").asLong();
		assertThat(this.api.send(ALICE, "GET", "/api/lots/" + refusedId, null).status()).isEqualTo(404);
	}

}
