package dev.fntrace.capture.data;

import dev.fntrace.model.DbOp;
import dev.fntrace.model.FnOutcome;
import dev.fntrace.model.FnTrace;
import dev.fntrace.model.FnType;
import dev.fntrace.model.OpBuilder;
import dev.fntrace.model.OpTrace;
import dev.fntrace.model.TraceBuilder;
import dev.fntrace.model.TraceLimits;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RepositoryOpFold}: one operation stands for the statements a repository call
 * ran, and the trace's bounds count exactly what they drop.
 */
class RepositoryOpFoldTests {

	@Test
	void foldingWhileFullCountsEachDroppedOpOnce() {
		TraceBuilder trace = trace(new TraceLimits(1, 10, 1000));
		TraceBuilder.OpsMark get = trace.markOps();
		trace.addOp(DbOp.QUERY, "lot", null, 0, 1, true, "select", null);
		RepositoryOpFold.fold(trace, get, DbOp.GET, "Lot", "1", 0, 1, true);
		TraceBuilder.OpsMark insert = trace.markOps();
		trace.addOp(DbOp.INSERT, "bid", null, 0, 1, true, "insert", null);
		RepositoryOpFold.fold(trace, insert, DbOp.INSERT, "Bid", "2", 0, 1, true);
		trace.addOp(DbOp.UPDATE, "lot", null, 0, 1, true, "update", null);
		FnTrace finished = trace.finish(FnOutcome.OK, 10);
		assertThat(finished.ops()).extracting(OpTrace::op).containsExactly(DbOp.GET);
		assertThat(finished.opsDropped()).isEqualTo(2);
	}

	@Test
	void noOpsKeptCountsEveryOp() {
		TraceBuilder trace = trace(new TraceLimits(0, 10, 1000));
		for (int i = 0; i < 3; i++) {
			TraceBuilder.OpsMark mark = trace.markOps();
			trace.addOp(DbOp.QUERY, "lot", null, 0, 1, true, "select", null);
			RepositoryOpFold.fold(trace, mark, DbOp.GET, "Lot", "1", 0, 1, true);
		}
		assertThat(trace.finish(FnOutcome.OK, 10).opsDropped()).isEqualTo(3);
	}

	@Test
	void foldedSqlCountsOnceAgainstTheBudget() {
		TraceBuilder trace = trace(new TraceLimits(10, 10, 14));
		TraceBuilder.OpsMark mark = trace.markOps();
		trace.addOp(DbOp.QUERY, "a", null, 0, 1, true, "select", null);
		trace.addOp(DbOp.QUERY, "a", null, 0, 1, true, "select", null);
		RepositoryOpFold.fold(trace, mark, DbOp.LIST, "A", null, 0, 1, true);
		FnTrace finished = trace.finish(FnOutcome.OK, 10);
		assertThat(finished.ops()).extracting(OpTrace::sql).containsExactly("select;\nselect");
	}

	@Test
	void rowsOfTheFoldedKindOfWorkAddUpWhenTheTraceIsBuilt() {
		TraceBuilder trace = trace(TraceLimits.DEFAULTS);
		TraceBuilder.OpsMark mark = trace.markOps();
		OpBuilder sequence = trace.addOp(DbOp.QUERY, "seq", null, 0, 1, true, "call next value", null);
		OpBuilder insert = trace.addOp(DbOp.INSERT, "bid", null, 0, 1, true, "insert", null);
		OpBuilder folded = RepositoryOpFold.fold(trace, mark, DbOp.INSERT, "Bid", null, 0, 1, true);
		sequence.rowCount(1);
		insert.rowCount(1);
		assertThat(folded).isNotNull();
		assertThat(trace.finish(FnOutcome.OK, 10).ops()).singleElement()
			.satisfies((op) -> assertThat(op.rowCount()).isEqualTo(1L));
	}

	@Test
	void unknownRowsStayUnknown() {
		TraceBuilder trace = trace(TraceLimits.DEFAULTS);
		TraceBuilder.OpsMark mark = trace.markOps();
		trace.addOp(DbOp.QUERY, "lot", null, 0, 1, true, "select", null);
		RepositoryOpFold.fold(trace, mark, DbOp.GET, "Lot", "1", 0, 1, true);
		assertThat(trace.finish(FnOutcome.OK, 10).ops()).singleElement()
			.satisfies((op) -> assertThat(op.rowCount()).isNull());
	}

	private static TraceBuilder trace(TraceLimits limits) {
		return new TraceBuilder("c-1", "placeBid", FnType.MUTATION, null, null, null, null, 0L, 0L, limits);
	}

}
