package dev.fntrace.model;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the JSON of {@link FnTrace} and its parts, which must be the same under
 * Jackson 2 and Jackson 3, and for {@link TraceBuilder}, which produces it.
 */
class FnTraceJsonTests {

	private static final long STARTED_AT = 1_700_000_000_123L;

	private final ObjectMapper jackson2 = new ObjectMapper();

	private final JsonMapper jackson3 = JsonMapper.builder().build();

	// ---- the trace

	@Test
	void traceWithEveryFieldUsesSnakeCaseNames() throws Exception {
		FnTrace trace = new FnTrace("c-1", "placeBid", FnType.MUTATION, "u-1", "t-1", "p-1", "s-1", STARTED_AT, 2.5,
				FnOutcome.OK, List.of(), 3, 10, 2, List.of());
		JsonNode json = json(trace);
		assertThat(fieldNames(json)).containsExactlyInAnyOrder("call_id", "fn_name", "fn_type", "user_id", "tenant_id",
				"parent_call_id", "scheduled_by", "started_at", "duration_ms", "outcome", "ops", "ops_dropped",
				"stream_bytes", "stream_chunks", "schedules");
		assertThat(json.get("call_id").textValue()).isEqualTo("c-1");
		assertThat(json.get("fn_name").textValue()).isEqualTo("placeBid");
		assertThat(json.get("user_id").textValue()).isEqualTo("u-1");
		assertThat(json.get("tenant_id").textValue()).isEqualTo("t-1");
		assertThat(json.get("parent_call_id").textValue()).isEqualTo("p-1");
		assertThat(json.get("scheduled_by").textValue()).isEqualTo("s-1");
		assertThat(json.get("ops_dropped").intValue()).isEqualTo(3);
		assertThat(json.get("stream_bytes").longValue()).isEqualTo(10);
		assertThat(json.get("stream_chunks").longValue()).isEqualTo(2);
	}

	@Test
	void traceOmitsAbsentOptionalFields() throws Exception {
		JsonNode json = json(trace(FnOutcome.OK, List.of(), List.of()));
		assertThat(fieldNames(json)).containsExactlyInAnyOrder("call_id", "fn_name", "fn_type", "started_at",
				"duration_ms", "outcome", "ops", "stream_bytes", "stream_chunks", "schedules");
	}

	@Test
	void traceWritesTheIdsOfItsSpanWhenATracerFollowedIt() throws Exception {
		JsonNode json = json(
				trace(FnOutcome.OK, List.of(), List.of()).withSpan("4bf92f3577b34da6", "00f067aa0ba902b7"));
		assertThat(json.get("trace_id").asText()).isEqualTo("4bf92f3577b34da6");
		assertThat(json.get("span_id").asText()).isEqualTo("00f067aa0ba902b7");
	}

	@Test
	void traceOmitsOpsDroppedWhenZero() throws Exception {
		JsonNode json = json(trace(FnOutcome.OK, List.of(), List.of()));
		assertThat(json.has("ops_dropped")).isFalse();
	}

	@Test
	void traceWritesOpsDroppedWhenPositive() throws Exception {
		FnTrace trace = new FnTrace("c-1", "placeBid", FnType.MUTATION, null, null, null, null, STARTED_AT, 1.0,
				FnOutcome.OK, List.of(), 1, 0, 0, List.of());
		JsonNode json = json(trace);
		assertThat(json.get("ops_dropped").isIntegralNumber()).isTrue();
		assertThat(json.get("ops_dropped").intValue()).isEqualTo(1);
	}

	@Test
	void traceWritesStreamCountersWhenZero() throws Exception {
		JsonNode json = json(trace(FnOutcome.OK, List.of(), List.of()));
		assertThat(json.get("stream_bytes").longValue()).isZero();
		assertThat(json.get("stream_chunks").longValue()).isZero();
	}

	@Test
	void traceWritesEmptyOpsAndSchedulesAsEmptyArrays() throws Exception {
		JsonNode json = json(trace(FnOutcome.OK, List.of(), List.of()));
		assertThat(json.get("ops").isArray()).isTrue();
		assertThat(json.get("ops")).isEmpty();
		assertThat(json.get("schedules").isArray()).isTrue();
		assertThat(json.get("schedules")).isEmpty();
	}

	@Test
	void traceWritesStartedAtAsEpochMillis() throws Exception {
		JsonNode json = json(trace(FnOutcome.OK, List.of(), List.of()));
		assertThat(json.get("started_at").isIntegralNumber()).isTrue();
		assertThat(json.get("started_at").longValue()).isEqualTo(STARTED_AT);
	}

	@Test
	void traceWritesDurationAsFloatMillis() throws Exception {
		JsonNode json = json(trace(FnOutcome.OK, List.of(), List.of()));
		assertThat(json.get("duration_ms").isFloatingPointNumber()).isTrue();
		assertThat(json.get("duration_ms").doubleValue()).isEqualTo(2.5);
	}

	@ParameterizedTest
	@CsvSource({ "QUERY, query", "MUTATION, mutation", "ACTION, action" })
	void traceWritesFnTypeInLowerCase(FnType type, String expected) throws Exception {
		FnTrace trace = new FnTrace("c-1", "f", type, null, null, null, null, STARTED_AT, 1.0, FnOutcome.OK, List.of(),
				0, 0, 0, List.of());
		assertThat(json(trace).get("fn_type").textValue()).isEqualTo(expected);
	}

	@Test
	void traceFieldsFollowTheReferenceOrderUnderBothMappers() throws Exception {
		FnTrace trace = new FnTrace("c-1", "placeBid", FnType.MUTATION, "u-1", "t-1", "p-1", "s-1", STARTED_AT, 2.5,
				FnOutcome.OK, List.of(), 3, 10, 2, List.of());
		List<String> expected = List.of("call_id", "fn_name", "fn_type", "user_id", "tenant_id", "parent_call_id",
				"scheduled_by", "started_at", "duration_ms", "outcome", "ops", "ops_dropped", "stream_bytes",
				"stream_chunks", "schedules");
		assertThat(fieldNames(this.jackson2.readTree(this.jackson2.writeValueAsString(trace)))).isEqualTo(expected);
		assertThat(fieldNames(this.jackson2.readTree(this.jackson3.writeValueAsString(trace)))).isEqualTo(expected);
	}

	// ---- the outcome
	//
	// isFailure() is a bean-style getter that Jackson must not write as a property.

	@Test
	void outcomeHasNoFailureProperty() throws Exception {
		assertThat(json(FnOutcome.OK).has("failure")).isFalse();
		assertThat(json(new FnOutcome.Errored("X", "m")).has("failure")).isFalse();
		assertThat(json(new FnOutcome.RolledBack("X", "m")).has("failure")).isFalse();
	}

	@Test
	void okOutcomeWithoutValueIsOnlyItsStatus() throws Exception {
		JsonNode outcome = json(trace(FnOutcome.OK, List.of(), List.of())).get("outcome");
		assertThat(fieldNames(outcome)).containsExactly("status");
		assertThat(outcome.get("status").textValue()).isEqualTo("ok");
	}

	@Test
	void okOutcomeWritesItsRawValueAsJson() throws Exception {
		JsonNode outcome = json(trace(new FnOutcome.Ok("{\"id\":7}"), List.of(), List.of())).get("outcome");
		assertThat(fieldNames(outcome)).containsExactlyInAnyOrder("status", "value");
		assertThat(outcome.get("status").textValue()).isEqualTo("ok");
		assertThat(outcome.get("value").isObject()).isTrue();
		assertThat(outcome.get("value").get("id").intValue()).isEqualTo(7);
	}

	@Test
	void okOutcomeWritesAnArrayValueAsJson() throws Exception {
		JsonNode outcome = json(trace(new FnOutcome.Ok("[1,2]"), List.of(), List.of())).get("outcome");
		assertThat(outcome.get("value").isArray()).isTrue();
		assertThat(outcome.get("value")).hasSize(2);
	}

	@Test
	void errorOutcomeWritesStatusCodeAndMessage() throws Exception {
		JsonNode outcome = json(trace(new FnOutcome.Errored("X", "m"), List.of(), List.of())).get("outcome");
		assertThat(fieldNames(outcome)).containsExactlyInAnyOrder("status", "code", "message");
		assertThat(outcome.get("status").textValue()).isEqualTo("error");
		assertThat(outcome.get("code").textValue()).isEqualTo("X");
		assertThat(outcome.get("message").textValue()).isEqualTo("m");
	}

	@Test
	void errorOutcomeWithoutMessageOmitsMessage() throws Exception {
		JsonNode outcome = json(trace(new FnOutcome.Errored("X", null), List.of(), List.of())).get("outcome");
		assertThat(fieldNames(outcome)).containsExactlyInAnyOrder("status", "code");
	}

	@Test
	void rolledBackOutcomeWritesStatusCodeAndMessage() throws Exception {
		JsonNode outcome = json(trace(new FnOutcome.RolledBack("Conflict", "m"), List.of(), List.of())).get("outcome");
		assertThat(fieldNames(outcome)).containsExactlyInAnyOrder("status", "code", "message");
		assertThat(outcome.get("status").textValue()).isEqualTo("rolled_back");
		assertThat(outcome.get("code").textValue()).isEqualTo("Conflict");
		assertThat(outcome.get("message").textValue()).isEqualTo("m");
	}

	@Test
	void rolledBackOutcomeWithoutMessageOmitsMessage() throws Exception {
		JsonNode outcome = json(trace(new FnOutcome.RolledBack("Conflict", null), List.of(), List.of())).get("outcome");
		assertThat(fieldNames(outcome)).containsExactlyInAnyOrder("status", "code");
	}

	@Test
	void outcomeWrittenOnItsOwnIsTaggedByStatus() throws Exception {
		JsonNode outcome = json(new FnOutcome.Errored("X", "m"));
		assertThat(fieldNames(outcome)).containsExactlyInAnyOrder("status", "code", "message");
		assertThat(outcome.get("status").textValue()).isEqualTo("error");
	}

	// ---- ops

	@Test
	void opWithEveryFieldUsesSnakeCaseNames() throws Exception {
		OpTrace op = new OpTrace(DbOp.QUERY, "lot", "7", 0.25, 1.5, 3L, true, "select * from lot where id = ?", 4);
		JsonNode json = json(trace(FnOutcome.OK, List.of(op), List.of())).get("ops").get(0);
		assertThat(fieldNames(json)).containsExactlyInAnyOrder("op", "entity", "id", "offset_ms", "duration_ms",
				"row_count", "ok", "sql", "batch_size");
		assertThat(json.get("op").textValue()).isEqualTo("query");
		assertThat(json.get("entity").textValue()).isEqualTo("lot");
		assertThat(json.get("id").textValue()).isEqualTo("7");
		assertThat(json.get("offset_ms").doubleValue()).isEqualTo(0.25);
		assertThat(json.get("duration_ms").doubleValue()).isEqualTo(1.5);
		assertThat(json.get("row_count").longValue()).isEqualTo(3);
		assertThat(json.get("ok").booleanValue()).isTrue();
		assertThat(json.get("sql").textValue()).isEqualTo("select * from lot where id = ?");
		assertThat(json.get("batch_size").intValue()).isEqualTo(4);
	}

	@Test
	void opOmitsAbsentIdRowCountSqlAndBatchSize() throws Exception {
		OpTrace op = new OpTrace(DbOp.INSERT, "bid", null, 0.0, 1.0, null, false, null, null);
		JsonNode json = json(op);
		assertThat(fieldNames(json)).containsExactlyInAnyOrder("op", "entity", "offset_ms", "duration_ms", "ok");
		assertThat(json.get("op").textValue()).isEqualTo("insert");
		assertThat(json.get("ok").booleanValue()).isFalse();
	}

	@Test
	void opWritesDurationsAsFloatsEvenWhenWhole() throws Exception {
		OpTrace op = new OpTrace(DbOp.INSERT, "bid", null, 0.0, 1.0, null, true, null, null);
		JsonNode json = json(op);
		assertThat(json.get("offset_ms").isFloatingPointNumber()).isTrue();
		assertThat(json.get("duration_ms").isFloatingPointNumber()).isTrue();
	}

	@ParameterizedTest
	@EnumSource(DbOp.class)
	void opKindIsWrittenInLowerCase(DbOp kind) throws Exception {
		OpTrace op = new OpTrace(kind, "lot", null, 0.0, 1.0, null, true, null, null);
		assertThat(json(op).get("op").textValue()).isEqualTo(kind.name().toLowerCase(java.util.Locale.ROOT))
			.isEqualTo(kind.jsonName());
	}

	@Test
	void opKindQueryGraphIsWrittenWithAnUnderscore() throws Exception {
		OpTrace op = new OpTrace(DbOp.QUERY_GRAPH, "lot", null, 0.0, 1.0, null, true, null, null);
		assertThat(json(op).get("op").textValue()).isEqualTo("query_graph");
	}

	@Test
	void opsAreWrittenInOrder() throws Exception {
		OpTrace first = new OpTrace(DbOp.GET, "lot", "1", 0.0, 1.0, 1L, true, null, null);
		OpTrace second = new OpTrace(DbOp.UPDATE, "lot", "1", 1.0, 1.0, null, true, null, null);
		JsonNode ops = json(trace(FnOutcome.OK, List.of(first, second), List.of())).get("ops");
		assertThat(ops).hasSize(2);
		assertThat(ops.get(0).get("op").textValue()).isEqualTo("get");
		assertThat(ops.get(1).get("op").textValue()).isEqualTo("update");
	}

	// ---- schedules

	@Test
	void scheduleWithDelayOmitsRunAt() throws Exception {
		JsonNode json = json(trace(FnOutcome.OK, List.of(), List.of(new ScheduleTrace("closeLot", 5000L, null))))
			.get("schedules")
			.get(0);
		assertThat(fieldNames(json)).containsExactlyInAnyOrder("fn_name", "delay_ms");
		assertThat(json.get("fn_name").textValue()).isEqualTo("closeLot");
		assertThat(json.get("delay_ms").longValue()).isEqualTo(5000);
	}

	@Test
	void scheduleWithRunAtOmitsDelay() throws Exception {
		JsonNode json = json(new ScheduleTrace("closeLot", null, STARTED_AT));
		assertThat(fieldNames(json)).containsExactlyInAnyOrder("fn_name", "run_at");
		assertThat(json.get("run_at").longValue()).isEqualTo(STARTED_AT);
	}

	@Test
	void scheduleWithNeitherDelayNorRunAtIsOnlyItsName() throws Exception {
		JsonNode json = json(new ScheduleTrace("closeLot", null, null));
		assertThat(fieldNames(json)).containsExactly("fn_name");
	}

	@ParameterizedTest
	@CsvSource({ "SCHEDULED, scheduled", "PENDING, pending", "DROPPED, dropped" })
	void scheduleWritesItsStatusInLowerCase(ScheduleStatus status, String expected) throws Exception {
		JsonNode json = json(new ScheduleTrace("closeLot", 5000L, null).withStatus(status));
		assertThat(fieldNames(json)).containsExactlyInAnyOrder("fn_name", "delay_ms", "status");
		assertThat(json.get("status").textValue()).isEqualTo(expected);
	}

	// ---- the trace as a value

	@Test
	void traceCopiesItsLists() {
		List<OpTrace> ops = new ArrayList<>(List.of(op(DbOp.GET)));
		List<ScheduleTrace> schedules = new ArrayList<>(List.of(new ScheduleTrace("a", 1L, null)));
		FnTrace trace = trace(FnOutcome.OK, ops, schedules);
		ops.add(op(DbOp.DELETE));
		schedules.clear();
		assertThat(trace.ops()).extracting(OpTrace::op).containsExactly(DbOp.GET);
		assertThat(trace.schedules()).hasSize(1);
	}

	@Test
	void traceListsAreUnmodifiable() {
		FnTrace trace = trace(FnOutcome.OK, new ArrayList<>(List.of(op(DbOp.GET))),
				new ArrayList<>(List.of(new ScheduleTrace("a", 1L, null))));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> trace.ops().add(op(DbOp.GET)));
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> trace.schedules().add(new ScheduleTrace("b", null, null)));
	}

	@Test
	void withOutcomeReplacesOnlyTheOutcome() {
		FnTrace trace = new FnTrace("c-1", "placeBid", FnType.MUTATION, "u-1", "t-1", "p-1", "s-1", STARTED_AT, 2.5,
				new FnOutcome.Ok("{\"id\":7}"), List.of(op(DbOp.GET)), 3, 10, 2,
				List.of(new ScheduleTrace("a", 1L, null)));
		FnTrace hidden = trace.withOutcome(FnOutcome.OK);
		assertThat(hidden.outcome()).isEqualTo(FnOutcome.OK);
		assertThat(hidden).usingRecursiveComparison().ignoringFields("outcome").isEqualTo(trace);
	}

	@Test
	void outcomesKnowWhetherTheyFailed() {
		assertThat(FnOutcome.OK.isFailure()).isFalse();
		assertThat(new FnOutcome.Ok("1").isFailure()).isFalse();
		assertThat(new FnOutcome.Errored("X", null).isFailure()).isTrue();
		assertThat(new FnOutcome.RolledBack("X", null).isFailure()).isTrue();
	}

	// ---- building a trace

	@Test
	void builderFinishComputesDurationInFloatMillisFromNanos() {
		TraceBuilder builder = builder(1_000_000L, 10);
		FnTrace trace = builder.finish(FnOutcome.OK, 3_500_000L);
		assertThat(trace.durationMs()).isEqualTo(2.5);
	}

	@Test
	void builderFinishKeepsSubMillisecondPrecision() {
		TraceBuilder builder = builder(0L, 10);
		FnTrace trace = builder.finish(FnOutcome.OK, 1_234L);
		assertThat(trace.durationMs()).isEqualTo(0.001234);
	}

	@Test
	void builderFinishCarriesTheCallsIdentity() {
		TraceBuilder builder = new TraceBuilder("c-9", "closeLot", FnType.ACTION, "u-1", "t-1", "p-1", "s-1",
				STARTED_AT, 0L, TraceLimits.ofMaxOps(10));
		FnTrace trace = builder.finish(new FnOutcome.Errored("X", "m"), 1_000_000L);
		assertThat(trace.callId()).isEqualTo("c-9");
		assertThat(trace.fnName()).isEqualTo("closeLot");
		assertThat(trace.fnType()).isEqualTo(FnType.ACTION);
		assertThat(trace.userId()).isEqualTo("u-1");
		assertThat(trace.tenantId()).isEqualTo("t-1");
		assertThat(trace.parentCallId()).isEqualTo("p-1");
		assertThat(trace.scheduledBy()).isEqualTo("s-1");
		assertThat(trace.startedAt()).isEqualTo(STARTED_AT);
		assertThat(trace.outcome()).isEqualTo(new FnOutcome.Errored("X", "m"));
	}

	@Test
	void builderFinishKeepsOpsInOrderWithOffsetsFromTheCallStart() {
		TraceBuilder builder = builder(1_000_000L, 10);
		builder.addOp(DbOp.GET, "lot", "1", 1_250_000L, 500_000L, true, "select", null);
		builder.addOp(DbOp.UPDATE, "lot", "1", 2_000_000L, 1_000_000L, false, "update", 2);
		FnTrace trace = builder.finish(FnOutcome.OK, 4_000_000L);
		assertThat(trace.ops()).extracting(OpTrace::op).containsExactly(DbOp.GET, DbOp.UPDATE);
		assertThat(trace.ops()).extracting(OpTrace::offsetMs).containsExactly(0.25, 1.0);
		assertThat(trace.ops()).extracting(OpTrace::durationMs).containsExactly(0.5, 1.0);
		OpTrace update = trace.ops().get(1);
		assertThat(update.entity()).isEqualTo("lot");
		assertThat(update.id()).isEqualTo("1");
		assertThat(update.ok()).isFalse();
		assertThat(update.sql()).isEqualTo("update");
		assertThat(update.batchSize()).isEqualTo(2);
	}

	@Test
	void builderOpWithoutRowCountHasNone() {
		TraceBuilder builder = builder(0L, 10);
		builder.addOp(DbOp.INSERT, "bid", null, 0L, 1L, true, null, null);
		assertThat(builder.finish(FnOutcome.OK, 10L).ops().get(0).rowCount()).isNull();
	}

	@Test
	void builderOpKeepsItsRowCount() {
		TraceBuilder builder = builder(0L, 10);
		builder.addOp(DbOp.UPDATE, "lot", null, 0L, 1L, true, null, null).rowCount(0);
		assertThat(builder.finish(FnOutcome.OK, 10L).ops().get(0).rowCount()).isEqualTo(0L);
	}

	@Test
	void builderReadsRowCountSupplierAtFinish() {
		TraceBuilder builder = builder(0L, 10);
		AtomicLong rowsRead = new AtomicLong();
		builder.addOp(DbOp.QUERY, "lot", null, 0L, 1L, true, null, null).rowCountFrom(rowsRead::get);
		rowsRead.set(3);
		rowsRead.incrementAndGet();
		FnTrace trace = builder.finish(FnOutcome.OK, 10L);
		rowsRead.set(99);
		assertThat(trace.ops().get(0).rowCount()).isEqualTo(4L);
	}

	@Test
	void builderRowCountSupplierReturningNegativeMeansUnknown() {
		TraceBuilder builder = builder(0L, 10);
		builder.addOp(DbOp.QUERY, "lot", null, 0L, 1L, true, null, null).rowCountFrom(() -> -1);
		assertThat(builder.finish(FnOutcome.OK, 10L).ops().get(0).rowCount()).isNull();
	}

	@Test
	void builderAddOpBeyondMaxOpsReturnsNullAndCountsDropped() {
		TraceBuilder builder = builder(0L, 2);
		assertThat(builder.addOp(DbOp.GET, "a", null, 0L, 1L, true, null, null)).isNotNull();
		assertThat(builder.addOp(DbOp.GET, "b", null, 0L, 1L, true, null, null)).isNotNull();
		assertThat(builder.addOp(DbOp.GET, "c", null, 0L, 1L, true, null, null)).isNull();
		assertThat(builder.addOp(DbOp.GET, "d", null, 0L, 1L, true, null, null)).isNull();
		assertThat(builder.addOp(DbOp.GET, "e", null, 0L, 1L, true, null, null)).isNull();
		FnTrace trace = builder.finish(FnOutcome.OK, 10L);
		assertThat(trace.ops()).extracting(OpTrace::entity).containsExactly("a", "b");
		assertThat(trace.opsDropped()).isEqualTo(3);
	}

	@Test
	void builderCountsStreamedChunksAndBytes() {
		TraceBuilder builder = builder(0L, 10);
		builder.addStreamChunk(10);
		builder.addStreamChunk(32);
		FnTrace trace = builder.finish(FnOutcome.OK, 10L);
		assertThat(trace.streamChunks()).isEqualTo(2);
		assertThat(trace.streamBytes()).isEqualTo(42);
	}

	@Test
	void builderKeepsSchedulesInOrder() {
		TraceBuilder builder = builder(0L, 10);
		builder.addSchedule(new ScheduleTrace("a", 1L, null));
		builder.addSchedule(new ScheduleTrace("b", null, STARTED_AT));
		assertThat(builder.finish(FnOutcome.OK, 10L).schedules()).extracting(ScheduleTrace::fnName)
			.containsExactly("a", "b");
	}

	@Test
	void builderWithoutSchedulesFinishesWithAnEmptyList() {
		assertThat(builder(0L, 10).finish(FnOutcome.OK, 10L).schedules()).isEmpty();
	}

	@Test
	void builderTraceIsNotChangedByLaterAdditions() {
		TraceBuilder builder = builder(0L, 10);
		builder.addSchedule(new ScheduleTrace("a", 1L, null));
		FnTrace trace = builder.finish(FnOutcome.OK, 10L);
		builder.addSchedule(new ScheduleTrace("b", 1L, null));
		builder.addOp(DbOp.GET, "lot", null, 0L, 1L, true, null, null);
		assertThat(trace.schedules()).extracting(ScheduleTrace::fnName).containsExactly("a");
		assertThat(trace.ops()).isEmpty();
	}

	@Test
	void builderFinishTwiceReturnsNullTheSecondTime() {
		TraceBuilder builder = builder(0L, 10);
		assertThat(builder.isFinished()).isFalse();
		assertThat(builder.finish(FnOutcome.OK, 10L)).isNotNull();
		assertThat(builder.isFinished()).isTrue();
		assertThat(builder.finish(new FnOutcome.Errored("X", null), 20L)).isNull();
	}

	@Test
	void builderMarkRolledBackFirstCauseWins() {
		TraceBuilder builder = builder(0L, 10);
		assertThat(builder.rollback()).isNull();
		builder.markRolledBack("First", "first");
		builder.markRolledBack("Second", "second");
		assertThat(builder.rollback()).isEqualTo(new FnOutcome.RolledBack("First", "first"));
	}

	@Test
	void builderTraceSerialisesWithDroppedOpsAndOffsets() throws Exception {
		TraceBuilder builder = builder(1_000_000L, 1);
		builder.addOp(DbOp.INSERT, "bid", null, 1_500_000L, 250_000L, true, "insert into bid values (?)", null);
		builder.addOp(DbOp.INSERT, "bid", null, 2_000_000L, 250_000L, true, "insert into bid values (?)", null);
		JsonNode json = json(builder.finish(FnOutcome.OK, 3_500_000L));
		assertThat(json.get("duration_ms").doubleValue()).isEqualTo(2.5);
		assertThat(json.get("ops_dropped").intValue()).isEqualTo(1);
		assertThat(json.get("ops")).hasSize(1);
		assertThat(json.get("ops").get(0).get("offset_ms").doubleValue()).isEqualTo(0.5);
		assertThat(json.get("ops").get(0).get("duration_ms").doubleValue()).isEqualTo(0.25);
	}

	// ---- helpers

	/**
	 * Serialise with Jackson 2 and Jackson 3, check that both give the same JSON tree,
	 * and return it.
	 */
	private JsonNode json(Object value) throws Exception {
		String written2 = this.jackson2.writeValueAsString(value);
		String written3 = this.jackson3.writeValueAsString(value);
		JsonNode tree2 = this.jackson2.readTree(written2);
		JsonNode tree3 = this.jackson2.readTree(written3);
		assertThat(tree3).as("Jackson 3 wrote %s, Jackson 2 wrote %s", written3, written2).isEqualTo(tree2);
		return tree2;
	}

	private static List<String> fieldNames(JsonNode node) {
		List<String> names = new ArrayList<>();
		node.fieldNames().forEachRemaining(names::add);
		return names;
	}

	private static FnTrace trace(FnOutcome outcome, List<OpTrace> ops, List<ScheduleTrace> schedules) {
		return new FnTrace("c-1", "placeBid", FnType.MUTATION, null, null, null, null, STARTED_AT, 2.5, outcome, ops, 0,
				0, 0, schedules);
	}

	private static OpTrace op(DbOp kind) {
		return new OpTrace(kind, "lot", null, 0.0, 1.0, null, true, null, null);
	}

	private static TraceBuilder builder(long startNanos, int maxOps) {
		return new TraceBuilder("c-1", "placeBid", FnType.MUTATION, null, null, null, null, STARTED_AT, startNanos,
				TraceLimits.ofMaxOps(maxOps));
	}

}
