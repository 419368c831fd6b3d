package dev.fntrace.benchmarks;

import dev.fntrace.capture.CallIdGenerator;
import dev.fntrace.model.DbOp;
import dev.fntrace.model.FnOutcome;
import dev.fntrace.model.FnTrace;
import dev.fntrace.model.FnType;
import dev.fntrace.model.OpBuilder;
import dev.fntrace.model.TraceBuilder;
import dev.fntrace.model.TraceLimits;

/**
 * Traces built the way fntrace builds them ({@link TraceBuilder}, a
 * {@link CallIdGenerator} id), with the strings a real app shares between traces
 * (function names, users, SQL text) shared here too.
 */
final class SampleTraces {

	static final String USER = "alice";

	static final String[] SQL = {
			"select l1_0.id,l1_0.current_price,l1_0.state,l1_0.title from lot l1_0 where l1_0.id=?",
			"insert into bid (amount,bidder,lot_id,placed_at,id) values (?,?,?,?,default)",
			"update lot set current_price=?,state=?,title=? where id=?" };

	static final String[] ENTITIES = { "lot", "bid", "lot" };

	static final DbOp[] KINDS = { DbOp.GET, DbOp.INSERT, DbOp.UPDATE };

	private final CallIdGenerator callIds = new CallIdGenerator();

	/**
	 * A finished trace.
	 * @param fnName the function's name
	 * @param ops how many SQL operations it ran
	 * @param failed whether it ended in error
	 * @return the trace
	 */
	FnTrace trace(String fnName, int ops, boolean failed) {
		long start = System.nanoTime();
		TraceBuilder builder = new TraceBuilder(this.callIds.next(), fnName, FnType.MUTATION, USER, null, null, null,
				System.currentTimeMillis(), start, TraceLimits.ofMaxOps(200));
		for (int i = 0; i < ops; i++) {
			OpBuilder op = builder.addOp(KINDS[i % KINDS.length], ENTITIES[i % ENTITIES.length], null,
					start + i * 1000L, 20_000L, true, SQL[i % SQL.length], null);
			op.rowCount(1);
		}
		FnOutcome outcome = failed ? new FnOutcome.Errored("BidTooLowException", "The bid must exceed 450")
				: FnOutcome.OK;
		return builder.finish(outcome, start + 1_000_000L);
	}

}
