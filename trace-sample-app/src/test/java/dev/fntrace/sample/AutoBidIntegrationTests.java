package dev.fntrace.sample;

import dev.fntrace.model.DbOp;
import dev.fntrace.model.FnType;
import dev.fntrace.sample.SampleApi.Response;
import dev.fntrace.test.FnTraceRecorder;
import org.junit.jupiter.api.Test;

import static dev.fntrace.sample.SampleApi.ALICE;
import static dev.fntrace.sample.SampleApi.BOB;
import static dev.fntrace.test.FnTraceAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code autoBid}, an action without a transaction of its own, bids through the
 * {@code placeBid} mutation: two traces, the mutation's naming the action its parent,
 * with the same user and tenant. Checked with the fntrace test kit, on the traces of each
 * test's own calls.
 */
class AutoBidIntegrationTests extends SampleAppIntegrationTest {

	@Test
	void autoBidPlacesTheSmallestLeadingBidThroughPlaceBid(FnTraceRecorder traces) {
		long lotId = this.api.createLot(BOB, "Tin soldier", 100, null).path("id").asLong();

		Response bid = this.api.autoBid(ALICE, lotId, 500);
		assertThat(bid.status()).as(bid.body()).isEqualTo(201);
		assertThat(bid.json().path("lotId").asLong()).isEqualTo(lotId);
		assertThat(bid.json().path("amount").asLong()).as("one more than the current price").isEqualTo(101);
		assertThat(bid.json().path("bidder").asString()).isEqualTo("alice");
		assertThat(this.api.lot(ALICE, lotId).path("currentPrice").asLong()).isEqualTo(101);

		assertThat(traces).call("autoBid")
			.hasType(FnType.ACTION)
			.isOk()
			.hasNoParent()
			.hasUser("alice")
			.hasTenant("acme")
			.ops()
			.as("only its own read; placeBid's ops are in placeBid's trace")
			.singleElement()
			.satisfies((op) -> {
				assertThat(op.op()).isEqualTo(DbOp.GET);
				assertThat(op.entity()).isEqualTo("Lot");
				assertThat(op.id()).isEqualTo(Long.toString(lotId));
			});
		assertThat(traces).call("placeBid")
			.hasType(FnType.MUTATION)
			.isOk()
			.hasParent("autoBid")
			.hasUser("alice")
			.hasTenant("acme")
			.ran(DbOp.GET, "Lot")
			.inserted("Bid")
			.updated("Lot")
			.ranAtMost(3)
			.hasNoNPlusOne();
	}

	@Test
	void autoBidWithMaxNotAboveTheCurrentPriceIsAnsweredWith409(FnTraceRecorder traces) {
		long lotId = this.api.createLot(BOB, "Toy sailboat", 100, null).path("id").asLong();

		Response bid = this.api.autoBid(ALICE, lotId, 100);
		assertThat(bid.status()).as(bid.body()).isEqualTo(409);
		assertThat(bid.json().path("code").asString()).isEqualTo("BID_TOO_LOW");
		assertThat(this.api.lot(ALICE, lotId).path("currentPrice").asLong()).isEqualTo(100);

		assertThat(traces).call("autoBid").as("no transaction of its own").isErrored().withCode("BID_TOO_LOW");
		assertThat(traces).call("placeBid")
			.isRolledBack()
			.withCode("BID_TOO_LOW")
			.hasParent("autoBid")
			.ran(DbOp.GET, "Lot")
			.ranAtMost(1);
	}

}
