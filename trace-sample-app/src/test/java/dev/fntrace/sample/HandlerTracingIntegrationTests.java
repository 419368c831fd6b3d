package dev.fntrace.sample;

import java.util.List;

import dev.fntrace.sample.SampleApi.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.TestPropertySource;

import static dev.fntrace.sample.SampleApi.ALICE;
import static dev.fntrace.sample.SampleApi.opKinds;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample with {@code fntrace.web.trace-handlers=true}: every Spring MVC handler is
 * traced as a function of its own, with the {@code @Traced} service calls it makes as
 * children, and {@code fntrace.exclude} leaves {@code getLot} out, so its repository call
 * lands in the handler's trace.
 */
@TestPropertySource(properties = { "fntrace.web.trace-handlers=true", "fntrace.exclude=getLot" })
class HandlerTracingIntegrationTests extends SampleAppIntegrationTest {

	@Test
	void handlerTraceEnclosesTheServiceCallItMakes() {
		Response lots = this.api.send(ALICE, "GET", "/api/lots", null);
		assertThat(lots.status()).isEqualTo(200);
		JsonNode handler = this.api.onlyTrace("fn=AuctionController.lots");
		JsonNode service = this.api.onlyTrace("fn=getLots");
		assertThat(handler.path("fn_type").asString()).isEqualTo("action");
		assertThat(handler.path("user_id").asString()).isEqualTo("alice");
		assertThat(handler.path("tenant_id").asString()).isEqualTo("acme");
		assertThat(handler.path("ops").isEmpty()).as("the service call ran the SQL").isTrue();
		assertThat(service.path("parent_call_id").asString()).isEqualTo(handler.path("call_id").asString());
		assertThat(opKinds(service)).containsExactly("list Lot");
	}

	@Test
	void excludedFunctionIsNotRecordedAndItsOpsLandInTheEnclosingTrace() {
		long lotId = this.api.firstOpenLot(ALICE).path("id").asLong();
		this.api.clearTraces();
		Response lot = this.api.send(ALICE, "GET", "/api/lots/" + lotId, null);
		assertThat(lot.status()).isEqualTo(200);
		List<JsonNode> traces = this.api.traces("");
		assertThat(traces).extracting((trace) -> trace.path("fn_name").asString())
			.containsExactly("AuctionController.lot");
		assertThat(opKinds(traces.get(0))).containsExactly("get Lot");
		assertThat(traces.get(0).path("ops").get(0).path("id").asString()).isEqualTo(Long.toString(lotId));
	}

}
