package dev.fntrace.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TraceBuilder}: its bounds count exactly what they drop.
 */
class TraceBuilderTests {

	@Test
	void opsTakenSinceAMarkLeaveTheTraceAndNoLongerCountAsDropped() {
		TraceBuilder trace = trace(new TraceLimits(2, 10, 1000));
		trace.addOp(DbOp.QUERY, "lot", null, 0, 1, true, "select", null);
		TraceBuilder.OpsMark mark = trace.markOps();
		trace.addOp(DbOp.INSERT, "bid", null, 0, 1, true, "insert", null);
		trace.addOp(DbOp.UPDATE, "lot", null, 0, 1, true, "update", null);
		assertThat(trace.takeOpsSince(mark)).extracting(OpBuilder::sql).containsExactly("insert");
		FnTrace finished = trace.finish(FnOutcome.OK, 10);
		assertThat(finished.ops()).extracting(OpTrace::sql).containsExactly("select");
		assertThat(finished.opsDropped()).isZero();
	}

	@Test
	void opsTakenReleaseTheirSqlBudget() {
		TraceBuilder trace = trace(new TraceLimits(10, 10, 6));
		TraceBuilder.OpsMark mark = trace.markOps();
		trace.addOp(DbOp.QUERY, "a", null, 0, 1, true, "select", null);
		trace.takeOpsSince(mark);
		trace.addOp(DbOp.QUERY, "b", null, 0, 1, true, "select", null);
		assertThat(trace.finish(FnOutcome.OK, 10).ops()).extracting(OpTrace::sql).containsExactly("select");
	}

	@Test
	void nothingIsTakenFromAFinishedTrace() {
		TraceBuilder trace = trace(TraceLimits.DEFAULTS);
		TraceBuilder.OpsMark mark = trace.markOps();
		trace.addOp(DbOp.QUERY, "a", null, 0, 1, true, "select", null);
		trace.finish(FnOutcome.OK, 10);
		assertThat(trace.takeOpsSince(mark)).isEmpty();
	}

	@Test
	void schedulesAreBoundedOnTheirOwnAndCounted() {
		TraceBuilder trace = trace(new TraceLimits(0, 2, 1000));
		for (int i = 0; i < 5; i++) {
			trace.addSchedule(new ScheduleTrace("job" + i, 10L, null, ScheduleStatus.SCHEDULED));
		}
		FnTrace finished = trace.finish(FnOutcome.OK, 10);
		assertThat(finished.schedules()).extracting(ScheduleTrace::fnName).containsExactly("job0", "job1");
		assertThat(finished.schedulesDropped()).isEqualTo(3);
	}

	@Test
	void sqlTextIsBoundedPerTraceAndCutAtTheBudget() {
		TraceBuilder trace = trace(new TraceLimits(10, 10, 10));
		trace.addOp(DbOp.QUERY, "a", null, 0, 1, true, "select", null);
		trace.addOp(DbOp.QUERY, "b", null, 0, 1, true, "select a", null);
		trace.addOp(DbOp.QUERY, "c", null, 0, 1, true, "select b", null);
		FnTrace finished = trace.finish(FnOutcome.OK, 10);
		assertThat(finished.ops()).extracting(OpTrace::sql).containsExactly("select", "sele…", null);
		assertThat(finished.ops()).hasSize(3);
	}

	@Test
	void scheduledRunThatOnlyWrapsTracedCallsAddsNothing() {
		TraceBuilder run = trace(TraceLimits.DEFAULTS).scheduledRun();
		assertThat(run.onlyWrapsTracedCalls()).isFalse();
		run.addTracedChild();
		assertThat(run.onlyWrapsTracedCalls()).isTrue();
		run.addOp(DbOp.QUERY, "lot", null, 0, 1, true, null, null);
		assertThat(run.onlyWrapsTracedCalls()).isFalse();
	}

	@Test
	void onlyTheFirstTransactionCanBeClaimed() {
		TraceBuilder trace = trace(TraceLimits.DEFAULTS);
		assertThat(trace.claimTransaction()).isTrue();
		assertThat(trace.claimTransaction()).isFalse();
	}

	private static TraceBuilder trace(TraceLimits limits) {
		return new TraceBuilder("c-1", "placeBid", FnType.MUTATION, null, null, null, null, 0L, 0L, limits);
	}

}
