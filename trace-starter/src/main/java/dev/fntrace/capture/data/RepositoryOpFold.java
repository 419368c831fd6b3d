package dev.fntrace.capture.data;

import java.util.List;
import java.util.function.LongSupplier;

import dev.fntrace.model.DbOp;
import dev.fntrace.model.OpBuilder;
import dev.fntrace.model.TraceBuilder;

/**
 * Folds the statements a repository call ran into the one operation that stands for them:
 * its SQL is their SQL, and its rows are the rows of those of them that do the same kind
 * of work (reads for a read, writes for a write) added up, so that a sequence read does
 * not count as an inserted row.
 */
final class RepositoryOpFold {

	private RepositoryOpFold() {
	}

	/**
	 * Replace the operations recorded since a mark by the repository call's operation.
	 * @param trace the call's trace
	 * @param mark taken before the repository call ran
	 * @param op the kind of the repository call
	 * @param entity its entity
	 * @param id its entity id, or {@code null}
	 * @param startNanos when it started
	 * @param durationNanos how long it took
	 * @param ok whether it succeeded
	 * @return the folded operation, or {@code null} when the trace is full or finished
	 */
	static OpBuilder fold(TraceBuilder trace, TraceBuilder.OpsMark mark, DbOp op, String entity, String id,
			long startNanos, long durationNanos, boolean ok) {
		List<OpBuilder> ran = trace.takeOpsSince(mark);
		OpBuilder folded = trace.addOp(op, entity, id, startNanos, durationNanos, ok, sql(ran), null);
		if (folded != null && !ran.isEmpty()) {
			folded.rowCountFrom(rows(ran, op.isRead()));
		}
		return folded;
	}

	static String sql(List<OpBuilder> ops) {
		StringBuilder sql = null;
		for (OpBuilder op : ops) {
			if (op.sql() != null) {
				sql = (sql == null) ? new StringBuilder(op.sql()) : sql.append(";\n").append(op.sql());
			}
		}
		return (sql != null) ? sql.toString() : null;
	}

	/**
	 * The rows of the operations doing the given kind of work, read when the trace is
	 * built: a query's rows are counted while its result is read, possibly after the
	 * repository call returned.
	 */
	static LongSupplier rows(List<OpBuilder> ops, boolean reads) {
		return () -> {
			long total = 0;
			boolean known = false;
			for (OpBuilder op : ops) {
				if (op.op().isRead() != reads) {
					continue;
				}
				Long rows = op.rowCount();
				if (rows != null) {
					total += rows;
					known = true;
				}
			}
			return known ? total : -1;
		};
	}

}
