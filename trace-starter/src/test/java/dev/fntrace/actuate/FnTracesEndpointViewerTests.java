package dev.fntrace.actuate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import dev.fntrace.actuate.FnTracesEndpoint.FnStatisticsDescriptor;
import dev.fntrace.actuate.FnTracesEndpoint.FnTracesDescriptor;
import dev.fntrace.actuate.FnTracesEndpoint.TracedCall;
import dev.fntrace.insight.FunctionStatistics;
import dev.fntrace.insight.NPlusOneDetector;
import dev.fntrace.insight.NPlusOneFinding;
import dev.fntrace.insight.SlowCallThresholds;
import dev.fntrace.log.InMemoryTraceLog;
import dev.fntrace.model.DbOp;
import dev.fntrace.model.FnOutcome;
import dev.fntrace.model.FnTrace;
import dev.fntrace.model.FnType;
import dev.fntrace.model.OpTrace;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the trace viewer reads from the endpoint: statistics, insights, the incremental
 * cursor, and the page for browsers.
 */
class FnTracesEndpointViewerTests {

	private static final String BIDS_OF_LOT = "select b.id, b.amount from bid b where b.lot_id = ?";

	private final InMemoryTraceLog log = new InMemoryTraceLog(1000);

	private final FnTracesEndpoint endpoint = new FnTracesEndpoint(this.log, Show.NEVER, Set.of(),
			new NPlusOneDetector(5), new SlowCallThresholds(100, Map.of("report", 5000.0)));

	@Test
	void statisticsCountCallsErrorsAndRollbacksExactly() {
		for (int i = 0; i < 7; i++) {
			record("ok-" + i, "placeBid", 1, FnOutcome.OK, List.of());
		}
		record("e-1", "placeBid", 1, new FnOutcome.Errored("BID_TOO_LOW", "too low"), List.of());
		record("e-2", "placeBid", 1, new FnOutcome.Errored("BID_TOO_LOW", "too low"), List.of());
		record("r-1", "placeBid", 1, new FnOutcome.RolledBack("LOT_CLOSED", "closed"), List.of());
		record("g-1", "getLots", 1, FnOutcome.OK, List.of());
		FnStatisticsDescriptor statistics = statistics();
		assertThat(statistics.traces()).isEqualTo(11);
		assertThat(statistics.functions()).extracting(FunctionStatistics::fnName)
			.containsExactly("placeBid", "getLots");
		FunctionStatistics placeBid = statistics.functions().get(0);
		assertThat(placeBid.calls()).isEqualTo(10);
		assertThat(placeBid.errors()).isEqualTo(2);
		assertThat(placeBid.rollbacks()).isEqualTo(1);
		assertThat(placeBid.errorRate()).isEqualTo(0.3);
		assertThat(statistics.functions().get(1).calls()).isEqualTo(1);
	}

	@Test
	void statisticsPercentilesOfAKnownDataSet() {
		// 200 calls of 1..200 ms in a shuffled order: nearest rank gives p50 = 100, p95 =
		// 190,
		// p99 = 198
		List<Integer> durations = new ArrayList<>();
		for (int ms = 1; ms <= 200; ms++) {
			durations.add(ms);
		}
		Collections.shuffle(durations, new Random(42));
		for (int ms : durations) {
			record("c-" + ms, "getLot", ms, FnOutcome.OK, List.of());
		}
		FunctionStatistics getLot = statistics().functions().get(0);
		assertThat(getLot.p50Ms()).isEqualTo(100);
		assertThat(getLot.p95Ms()).isEqualTo(190);
		assertThat(getLot.p99Ms()).isEqualTo(198);
		assertThat(getLot.maxMs()).isEqualTo(200);
		assertThat(getLot.slowCalls()).isEqualTo(101);
	}

	@Test
	void statisticsCoverTheTracesTheLogHolds() {
		InMemoryTraceLog small = new InMemoryTraceLog(3);
		FnTracesEndpoint endpoint = new FnTracesEndpoint(small, Show.NEVER, Set.of());
		for (int i = 0; i < 5; i++) {
			small.accept(trace("c-" + i, "placeBid", i, FnOutcome.OK, List.of()));
		}
		FnStatisticsDescriptor statistics = (FnStatisticsDescriptor) endpoint.traceOrStatistics("stats",
				SecurityContext.NONE);
		assertThat(statistics.traces()).isEqualTo(3);
		assertThat(statistics.totalCount()).isEqualTo(5);
		assertThat(statistics.functions().get(0).calls()).isEqualTo(3);
		assertThat(statistics.functions().get(0).maxMs()).isEqualTo(4);
	}

	@Test
	void theStatsSelectorDoesNotHideTracesAndOtherSelectorsStillFindThem() {
		record("3f9a0c1d2e4b5a69-1", "placeBid", 1, FnOutcome.OK, List.of());
		assertThat(this.endpoint.traceOrStatistics("stats", SecurityContext.NONE))
			.isInstanceOf(FnStatisticsDescriptor.class);
		assertThat(this.endpoint.traceOrStatistics("3f9a0c1d2e4b5a69-1", SecurityContext.NONE)).isInstanceOfSatisfying(
				TracedCall.class, (call) -> assertThat(call.trace().callId()).isEqualTo("3f9a0c1d2e4b5a69-1"));
		assertThat(this.endpoint.traceOrStatistics("3f9a0c1d2e4b5a69-2", SecurityContext.NONE)).isNull();
	}

	@Test
	void aTraceThatRepeatsOneStatementCarriesAnNPlusOneFinding() {
		record("n1", "lotsWithBids", 1, FnOutcome.OK, repeated(BIDS_OF_LOT, 6));
		record("fine", "lotsWithBids", 1, FnOutcome.OK, repeated(BIDS_OF_LOT, 4));
		assertThat(this.endpoint.trace("n1", SecurityContext.NONE).insights().nPlusOne())
			.containsExactly(new NPlusOneFinding(BIDS_OF_LOT, 6));
		assertThat(this.endpoint.trace("fine", SecurityContext.NONE).insights().nPlusOne()).isEmpty();
		assertThat(ids(list(null, null, true))).containsExactly("n1");
		assertThat(ids(list(null, null, false))).containsExactly("fine");
	}

	@Test
	void slowCallsAreFlaggedAgainstTheirFunctionsThresholdAndCanBeFiltered() {
		record("fast", "placeBid", 99, FnOutcome.OK, List.of());
		record("slow", "placeBid", 100, FnOutcome.OK, List.of());
		record("long-report", "report", 4000, FnOutcome.OK, List.of());
		assertThat(this.endpoint.trace("slow", SecurityContext.NONE).insights().slow()).isTrue();
		assertThat(this.endpoint.trace("fast", SecurityContext.NONE).insights().slow()).isFalse();
		assertThat(this.endpoint.trace("long-report", SecurityContext.NONE).insights().slow()).isFalse();
		assertThat(ids(list(null, true, null))).containsExactly("slow");
		assertThat(ids(list(null, false, null))).containsExactly("long-report", "fast");
	}

	@Test
	void insightsAreInTheJsonBesideTheTracesFields() {
		record("n1", "lotsWithBids", 150, FnOutcome.OK, repeated(BIDS_OF_LOT, 5));
		JsonNode json = JsonMapper.shared().valueToTree(list(null, null, null));
		JsonNode trace = json.get("traces").get(0);
		assertThat(trace.get("call_id").asString()).isEqualTo("n1");
		assertThat(trace.get("fn_name").asString()).isEqualTo("lotsWithBids");
		assertThat(trace.get("outcome").get("status").asString()).isEqualTo("ok");
		assertThat(trace.has("trace")).isFalse();
		assertThat(trace.get("insights").get("slow").asBoolean()).isTrue();
		assertThat(trace.get("insights").get("n_plus_one").get(0).get("statement").asString()).isEqualTo(BIDS_OF_LOT);
		assertThat(trace.get("insights").get("n_plus_one").get(0).get("count").asInt()).isEqualTo(5);
		assertThat(json.get("cursor").asLong()).isEqualTo(1);
	}

	@Test
	void theCursorReturnsOnlyTracesRecordedSinceTheAnswerThatGaveIt() {
		record("a", "placeBid", 1, FnOutcome.OK, List.of());
		record("b", "placeBid", 1, FnOutcome.OK, List.of());
		FnTracesDescriptor first = list(null, null, null);
		assertThat(ids(first)).containsExactly("b", "a");
		assertThat(first.cursor()).isEqualTo(2);
		assertThat(ids(after(first.cursor(), null))).isEmpty();
		record("c", "placeBid", 1, FnOutcome.OK, List.of());
		record("d", "getLots", 1, FnOutcome.OK, List.of());
		FnTracesDescriptor second = after(first.cursor(), null);
		assertThat(ids(second)).containsExactly("d", "c");
		assertThat(second.cursor()).isEqualTo(4);
		assertThat(ids(after(second.cursor(), null))).isEmpty();
	}

	@Test
	void theCursorCombinesWithTheFilters() {
		record("a", "placeBid", 1, FnOutcome.OK, List.of());
		long cursor = list(null, null, null).cursor();
		record("b", "placeBid", 1, new FnOutcome.Errored("X", null), List.of());
		record("c", "placeBid", 1, FnOutcome.OK, List.of());
		assertThat(ids(after(cursor, "failed"))).containsExactly("b");
	}

	@Test
	void theCursorReadsOnlyUpToTheLimit() {
		long cursor = list(null, null, null).cursor();
		for (int i = 0; i < 50; i++) {
			record("c-" + i, "placeBid", 1, FnOutcome.OK, List.of());
		}
		FnTracesDescriptor page = this.endpoint.traces(null, null, null, null, null, 10, cursor, null, null,
				SecurityContext.NONE);
		assertThat(ids(page)).hasSize(10).startsWith("c-49");
		assertThat(page.cursor()).isEqualTo(50);
	}

	@Test
	void theCursorAfterClearingFindsOnlyNewTraces() {
		record("a", "placeBid", 1, FnOutcome.OK, List.of());
		long cursor = list(null, null, null).cursor();
		this.endpoint.clear();
		record("b", "placeBid", 1, FnOutcome.OK, List.of());
		assertThat(ids(after(cursor, null))).containsExactly("b");
	}

	@Test
	void aNegativeCursorIsRejected() {
		assertThatExceptionOfType(InvalidEndpointRequestException.class).isThrownBy(() -> after(-1, null))
			.withMessageContaining("after");
	}

	@Test
	void browsersAskingForHtmlGetThePageWithItsStyleAndScriptInline() {
		WebEndpointResponse<Object> response = read(FnTracesFormat.HTML);
		assertThat(response.getContentType()).hasToString("text/html;charset=UTF-8");
		String html = new String((byte[]) response.getBody(), StandardCharsets.UTF_8);
		assertThat(html).startsWith("<!DOCTYPE html>")
			.contains("<table id=\"traces\"")
			.contains(".waterfall")
			.contains("function renderWaterfall")
			.doesNotContain("/*fntraces.css*/")
			.doesNotContain("/*fntraces.js*/")
			.doesNotContain("<script src", "<link", "@import", "url(", "https://");
	}

	@Test
	void thePageLinksDistributedTracesWhereTheTraceLinkSays() {
		FnTracesEndpoint linked = new FnTracesEndpoint(this.log, Show.NEVER, Set.of(), new NPlusOneDetector(3),
				new SlowCallThresholds(100, Map.of()), Map::of,
				"http://localhost:9411/zipkin/traces/{traceId}?q=\"<x>\"&a=1");
		String html = new String((byte[]) linked
			.read(null, null, null, null, null, null, null, null, null, FnTracesFormat.HTML, SecurityContext.NONE)
			.getBody(), StandardCharsets.UTF_8);
		assertThat(html).contains("<body data-trace-link=\"http://localhost:9411/zipkin/traces/{traceId}"
				+ "?q=&quot;&lt;x&gt;&quot;&amp;a=1\">");
		assertThat(html).contains("function distributedTrace");
	}

	@Test
	void thePageHasNoTraceLinkByDefaultNorOneThatIsNotHttp() {
		FnTracesEndpoint scripted = new FnTracesEndpoint(this.log, Show.NEVER, Set.of(), new NPlusOneDetector(3),
				new SlowCallThresholds(100, Map.of()), Map::of, "javascript:alert(1)//{traceId}");
		for (FnTracesEndpoint endpoint : List.of(this.endpoint, scripted)) {
			String html = new String((byte[]) endpoint
				.read(null, null, null, null, null, null, null, null, null, FnTracesFormat.HTML, SecurityContext.NONE)
				.getBody(), StandardCharsets.UTF_8);
			assertThat(html).contains("<body>").doesNotContain("data-trace-link=");
		}
	}

	@Test
	void jsonClientsGetTheListInTheMediaTypeTheyAskedFor() {
		record("a", "placeBid", 1, FnOutcome.OK, List.of());
		assertThat(read(FnTracesFormat.JSON).getContentType()).hasToString("application/json");
		assertThat(read(FnTracesFormat.ACTUATOR_V3).getContentType())
			.hasToString("application/vnd.spring-boot.actuator.v3+json");
		assertThat(read(null).getContentType()).hasToString("application/vnd.spring-boot.actuator.v3+json");
		assertThat(read(FnTracesFormat.JSON).getBody()).isInstanceOfSatisfying(FnTracesDescriptor.class,
				(descriptor) -> assertThat(ids(descriptor)).containsExactly("a"));
	}

	private WebEndpointResponse<Object> read(FnTracesFormat format) {
		return this.endpoint.read(null, null, null, null, null, null, null, null, null, format, SecurityContext.NONE);
	}

	private FnStatisticsDescriptor statistics() {
		return (FnStatisticsDescriptor) this.endpoint.traceOrStatistics(FnTracesEndpoint.STATS, SecurityContext.NONE);
	}

	private FnTracesDescriptor list(String status, Boolean slow, Boolean nPlusOne) {
		return this.endpoint.traces(null, status, null, null, null, null, null, slow, nPlusOne, SecurityContext.NONE);
	}

	private FnTracesDescriptor after(long cursor, String status) {
		return this.endpoint.traces(null, status, null, null, null, null, cursor, null, null, SecurityContext.NONE);
	}

	private static List<String> ids(FnTracesDescriptor descriptor) {
		return descriptor.traces().stream().map((call) -> call.trace().callId()).toList();
	}

	private static List<OpTrace> repeated(String sql, int times) {
		List<OpTrace> ops = new ArrayList<>();
		ops.add(new OpTrace(DbOp.LIST, "lot", null, 0, 0.3, 8L, true, "select * from lot", null));
		for (int i = 0; i < times; i++) {
			ops.add(new OpTrace(DbOp.LIST, "bid", null, 1 + i, 0.2, 2L, true, sql, null));
		}
		return ops;
	}

	private void record(String id, String fn, double durationMs, FnOutcome outcome, List<OpTrace> ops) {
		this.log.accept(trace(id, fn, durationMs, outcome, ops));
	}

	private static FnTrace trace(String id, String fn, double durationMs, FnOutcome outcome, List<OpTrace> ops) {
		return new FnTrace(id, fn, FnType.MUTATION, "alice", "acme", null, null, 1_700_000_000_000L, durationMs,
				outcome, ops, 0, 0, 0, List.of());
	}

}
