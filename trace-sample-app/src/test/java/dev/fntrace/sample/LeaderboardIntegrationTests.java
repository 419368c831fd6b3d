package dev.fntrace.sample;

import dev.fntrace.model.DbOp;
import dev.fntrace.test.FnTraceRecorder;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.fntrace.test.FnTraceAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The leaderboard reads one lot list and then the leading bid of each lot: its trace
 * carries an N+1 finding for the bid statement, counted once per lot.
 */
class LeaderboardIntegrationTests extends SampleAppIntegrationTest {

	@Test
	void readingTheLeaderboardIsFlaggedAsNPlusOneWithTheBidStatementAndOneRunPerLot(FnTraceRecorder traces) {
		for (int i = 0; i < 3; i++) {
			this.api.createLot(SampleApi.ALICE, "Leaderboard lot " + i, 10, null);
		}
		SampleApi.Response leaderboard = this.api.send(SampleApi.BOB, "GET", "/api/leaderboard", null);
		assertThat(leaderboard.status()).as(leaderboard.body()).isEqualTo(200);
		int lots = leaderboard.json().size();
		assertThat(lots).isGreaterThanOrEqualTo(6);
		JsonNode trace = this.api.onlyTrace("fn=getLeaderboard");
		JsonNode findings = trace.path("insights").path("n_plus_one");
		assertThat(findings.size()).as("findings in %s", trace).isEqualTo(1);
		assertThat(findings.get(0).path("count").asInt()).isEqualTo(lots);
		assertThat(findings.get(0).path("statement").asString()).containsIgnoringCase("from bid");
		assertThat(SampleApi.ops(trace, "list", "Lot")).hasSize(1);

		// the test kit finds the same N+1 by the same rule, in the test's own calls
		assertThat(traces).call("getLeaderboard")
			.isOk()
			.hasNPlusOne()
			.ran(1, DbOp.LIST)
			.ran(DbOp.LIST, "Lot")
			.ran(lots, DbOp.LOOKUP);
		assertThat(traces).calls("createLot").hasSize(3).areOk().haveNoNPlusOne();
	}

	@Test
	void theNPlusOneFilterFindsTheLeaderboardAndNotTheLotList(FnTraceRecorder traces) {
		for (int i = 0; i < 3; i++) {
			this.api.createLot(SampleApi.ALICE, "Filtered lot " + i, 10, null);
		}
		assertThat(this.api.send(SampleApi.BOB, "GET", "/api/lots", null).status()).isEqualTo(200);
		assertThat(this.api.send(SampleApi.BOB, "GET", "/api/leaderboard", null).status()).isEqualTo(200);
		assertThat(SampleApi.callIds(this.api.traces("nPlusOne=true")))
			.containsExactlyElementsOf(SampleApi.callIds(this.api.traces("fn=getLeaderboard")));
		assertThat(this.api.traces("nPlusOne=false&fn=getLots")).hasSize(1);
		assertThat(traces).call("getLots").hasNoNPlusOne();
		assertThat(traces).call("getLeaderboard").hasNPlusOne();
	}

}
