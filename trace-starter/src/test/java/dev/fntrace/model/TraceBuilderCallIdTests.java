package dev.fntrace.model;

import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for call ids that a {@link TraceBuilder} and its {@link FnTrace} write only when
 * they are read.
 */
class TraceBuilderCallIdTests {

	private static final String PREFIX = "3f9a0c1d2e4b5a69-";

	@Test
	void builderWritesItsIdFromPrefixAndSequence() {
		TraceBuilder trace = builder(0x1b);
		assertThat(trace.callId()).isEqualTo("3f9a0c1d2e4b5a69-1b");
		assertThat(trace.callId()).isSameAs(trace.callId());
	}

	@Test
	void finishedTraceHasTheIdOfItsBuilder() {
		FnTrace unread = builder(0xabc).finish(FnOutcome.OK, 1_000_000);
		assertThat(unread.callId()).isEqualTo("3f9a0c1d2e4b5a69-abc");
		TraceBuilder read = builder(0xabd);
		String id = read.callId();
		assertThat(read.finish(FnOutcome.OK, 1_000_000).callId()).isSameAs(id);
	}

	@Test
	void traceWithAnIdWrittenWhenReadEqualsTheSameTraceWithTheIdGiven() {
		FnTrace lazy = builder(42).finish(FnOutcome.OK, 2_000_000);
		FnTrace given = new FnTrace("3f9a0c1d2e4b5a69-2a", "placeBid", FnType.MUTATION, "alice", null, null, null,
				1_000L, lazy.durationMs(), FnOutcome.OK, List.of(), 0, 0, 0, List.of());
		assertThat(builder(42).finish(FnOutcome.OK, 2_000_000)).isEqualTo(given).hasSameHashCodeAs(given);
		assertThat(lazy).hasToString(given.toString());
		assertThat(lazy.withOutcome(FnOutcome.OK)).isEqualTo(given);
	}

	@Test
	void theFinishedTraceSharesItsBuildersHeader() {
		TraceBuilder builder = builder(0x2b);
		FnTrace trace = builder.finish(FnOutcome.OK, 1_000_000);
		assertThat(trace.header()).isSameAs(builder.header());
		assertThat(trace.withOutcome(FnOutcome.OK).header()).isSameAs(builder.header());
		assertThat(trace.withSpan("t", "s").header()).isSameAs(builder.header());
		assertThat(trace.callId()).isSameAs(builder.callId());
	}

	@Test
	void jsonReadsBackToAnEqualTrace() {
		FnTrace trace = builder(0x11).finish(FnOutcome.OK, 1_000_000).withSpan("4bf92f3577b34da6", "00f067aa0ba902b7");
		JsonMapper mapper = JsonMapper.builder().build();
		assertThat(mapper.readValue(mapper.writeValueAsString(trace), FnTrace.class)).isEqualTo(trace);
	}

	@Test
	void jsonHasTheIdWrittenWhenRead() {
		FnTrace trace = builder(0x10).finish(FnOutcome.OK, 1_000_000);
		String json = JsonMapper.builder().build().writeValueAsString(trace);
		assertThat(json).startsWith("{\"call_id\":\"3f9a0c1d2e4b5a69-10\",\"fn_name\":\"placeBid\"");
	}

	private static TraceBuilder builder(long sequence) {
		return new TraceBuilder(PREFIX, sequence, "placeBid", FnType.MUTATION, "alice", null, null, null, 1_000L, 0L,
				TraceLimits.DEFAULTS);
	}

}
