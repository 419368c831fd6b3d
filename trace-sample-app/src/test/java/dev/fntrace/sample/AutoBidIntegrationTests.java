package dev.fntrace.sample;

import dev.fntrace.sample.SampleApi.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.fntrace.sample.SampleApi.ALICE;
import static dev.fntrace.sample.SampleApi.BOB;
import static dev.fntrace.sample.SampleApi.opKinds;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code autoBid}, an action without a transaction of its own, bids through the
 * {@code placeBid} mutation: two traces, the mutation's naming the action its parent,
 * with the same user and tenant.
 */
class AutoBidIntegrationTests extends SampleAppIntegrationTest {

	@Test
	void autoBidPlacesTheSmallestLeadingBidThroughPlaceBid() {
		long lotId = this.api.createLot(BOB, "Tin soldier", 100, null).path("id").asLong();

		Response bid = this.api.autoBid(ALICE, lotId, 500);
		assertThat(bid.status()).as(bid.body()).isEqualTo(201);
		assertThat(bid.json().path("lotId").asLong()).isEqualTo(lotId);
		assertThat(bid.json().path("amount").asLong()).as("one more than the current price").isEqualTo(101);
		assertThat(bid.json().path("bidder").asString()).isEqualTo("alice");
		assertThat(this.api.lot(ALICE, lotId).path("currentPrice").asLong()).isEqualTo(101);

		JsonNode autoBid = this.api.onlyTrace("fn=autoBid");
		JsonNode placeBid = this.api.onlyTrace("fn=placeBid");
		assertThat(autoBid.path("fn_type").asString()).isEqualTo("action");
		assertThat(autoBid.path("outcome").path("status").asString()).isEqualTo("ok");
		assertThat(autoBid.has("parent_call_id")).as("autoBid is a top-level call").isFalse();
		assertThat(autoBid.path("user_id").asString()).isEqualTo("alice");
		assertThat(autoBid.path("tenant_id").asString()).isEqualTo("acme");
		assertThat(opKinds(autoBid)).as("only its own read; placeBid's ops are in placeBid's trace")
			.containsExactly("get Lot");
		assertThat(autoBid.path("ops").get(0).path("id").asString()).isEqualTo(Long.toString(lotId));

		assertThat(placeBid.path("fn_type").asString()).isEqualTo("mutation");
		assertThat(placeBid.path("outcome").path("status").asString()).isEqualTo("ok");
		assertThat(placeBid.path("parent_call_id").asString()).isEqualTo(autoBid.path("call_id").asString());
		assertThat(placeBid.path("user_id").asString()).isEqualTo(autoBid.path("user_id").asString());
		assertThat(placeBid.path("tenant_id").asString()).isEqualTo(autoBid.path("tenant_id").asString());
		assertThat(opKinds(placeBid)).containsExactly("get Lot", "insert Bid", "update lot");
	}

	@Test
	void autoBidWithMaxNotAboveTheCurrentPriceIsAnsweredWith409() {
		long lotId = this.api.createLot(BOB, "Toy sailboat", 100, null).path("id").asLong();

		Response bid = this.api.autoBid(ALICE, lotId, 100);
		assertThat(bid.status()).as(bid.body()).isEqualTo(409);
		assertThat(bid.json().path("code").asString()).isEqualTo("BID_TOO_LOW");
		assertThat(this.api.lot(ALICE, lotId).path("currentPrice").asLong()).isEqualTo(100);

		JsonNode autoBid = this.api.onlyTrace("fn=autoBid");
		JsonNode placeBid = this.api.onlyTrace("fn=placeBid");
		assertThat(autoBid.path("outcome").path("status").asString()).as("no transaction of its own")
			.isEqualTo("error");
		assertThat(autoBid.path("outcome").path("code").asString()).isEqualTo("BID_TOO_LOW");
		assertThat(placeBid.path("outcome").path("status").asString()).isEqualTo("rolled_back");
		assertThat(placeBid.path("outcome").path("code").asString()).isEqualTo("BID_TOO_LOW");
		assertThat(placeBid.path("parent_call_id").asString()).isEqualTo(autoBid.path("call_id").asString());
		assertThat(opKinds(placeBid)).containsExactly("get Lot");
	}

}
