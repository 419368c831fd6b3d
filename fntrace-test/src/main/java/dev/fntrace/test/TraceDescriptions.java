package dev.fntrace.test;

import java.util.List;
import java.util.Locale;

import dev.fntrace.model.DbOp;
import dev.fntrace.model.FnOutcome;
import dev.fntrace.model.FnTrace;
import dev.fntrace.model.OpTrace;
import dev.fntrace.model.ScheduleTrace;

/**
 * The text of failure messages: a call's outcome, the ops it ran with their SQL, the
 * functions it scheduled, and the calls a test made.
 */
final class TraceDescriptions {

	private static final int MAX_SQL_LENGTH = 300;

	private TraceDescriptions() {
	}

	/**
	 * A call's outcome, such as {@code ok} or
	 * {@code rolled_back BID_TOO_LOW "A bid must exceed 500"}.
	 */
	static String outcome(FnOutcome outcome) {
		if (!outcome.isFailure()) {
			return outcome.status();
		}
		String message = outcome.message();
		return outcome.status() + " " + outcome.code() + ((message != null) ? " \"" + message + "\"" : "");
	}

	/**
	 * What a call did: the ops it ran, with their SQL, and what it scheduled.
	 */
	static String work(FnTrace trace) {
		StringBuilder text = new StringBuilder();
		List<OpTrace> ops = trace.ops();
		if (ops.isEmpty()) {
			text.append("It ran no ops.");
		}
		else {
			text.append("It ran ").append(ops.size()).append((ops.size() != 1) ? " ops:" : " op:");
			for (int i = 0; i < ops.size(); i++) {
				text.append("\n  ").append(String.format(Locale.ROOT, "%2d. ", i + 1)).append(op(ops.get(i)));
			}
		}
		if (trace.opsDropped() > 0) {
			text.append("\n  ... and ").append(trace.opsDropped()).append(" more not kept (fntrace.max-ops-per-trace)");
		}
		if (!trace.schedules().isEmpty()) {
			text.append("\nIt scheduled:");
			for (ScheduleTrace schedule : trace.schedules()) {
				text.append("\n  - ").append(schedule(schedule));
			}
		}
		return text.toString();
	}

	/**
	 * One op, such as {@code get     Lot  select ... where id=? (1 row)}.
	 */
	static String op(OpTrace op) {
		StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%-7s", op.op().jsonName()));
		if (op.entity() != null) {
			text.append(' ').append(op.entity());
		}
		if (op.id() != null) {
			text.append(" #").append(op.id());
		}
		if (op.sql() != null) {
			String sql = op.sql();
			text.append("  ").append((sql.length() > MAX_SQL_LENGTH) ? sql.substring(0, MAX_SQL_LENGTH) + "..." : sql);
		}
		StringBuilder details = new StringBuilder();
		if (op.rowCount() != null) {
			details.append(op.rowCount()).append((op.rowCount() != 1) ? " rows" : " row");
		}
		if (op.batchSize() != null) {
			details.append((details.length() > 0) ? ", " : "").append("batch of ").append(op.batchSize());
		}
		if (!op.ok()) {
			details.append((details.length() > 0) ? ", " : "").append("FAILED");
		}
		if (details.length() > 0) {
			text.append(" (").append(details).append(')');
		}
		return text.toString();
	}

	private static String schedule(ScheduleTrace schedule) {
		StringBuilder text = new StringBuilder(schedule.fnName());
		if (schedule.delayMs() != null) {
			text.append(" after ").append(schedule.delayMs()).append(" ms");
		}
		if (schedule.runAt() != null) {
			text.append(" at ").append(schedule.runAt());
		}
		if (schedule.status() != null) {
			text.append(" (").append(schedule.status().jsonName()).append(')');
		}
		return text.toString();
	}

	/**
	 * The calls a test made, one a line, or that it made none.
	 */
	static String calls(List<FnTrace> traces, long evicted) {
		StringBuilder text = new StringBuilder();
		if (traces.isEmpty()) {
			text.append("The test made no traced calls.");
		}
		else {
			text.append("The test made ")
				.append(traces.size())
				.append((traces.size() != 1) ? " calls:" : " call:")
				.append(list(traces));
		}
		if (evicted > 0) {
			text.append("\n").append(evicted).append(" more were evicted from the log: raise fntrace.capacity.");
		}
		return text.toString();
	}

	/**
	 * Calls, one a line, each line starting with a line break.
	 */
	static String list(List<FnTrace> traces) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < traces.size(); i++) {
			FnTrace trace = traces.get(i);
			int ops = trace.ops().size() + trace.opsDropped();
			text.append("\n  ")
				.append(String.format(Locale.ROOT, "%2d. ", i + 1))
				.append(trace.fnName())
				.append(' ')
				.append(outcome(trace.outcome()))
				.append(", ")
				.append(ops)
				.append((ops != 1) ? " ops" : " op");
		}
		return text.toString();
	}

	/**
	 * The kind of an op as a verb phrase: {@code run 2 query ops}.
	 */
	static String count(int count, DbOp op) {
		return count + " " + op.jsonName() + ((count != 1) ? " ops" : " op");
	}

	/**
	 * Whether an op's entity is the entity named, which may be its domain type
	 * ({@code LotWatcher}) or its table ({@code lot_watcher}): compared without case,
	 * underscores or a schema.
	 */
	static boolean sameEntity(String entity, String named) {
		return normalize(entity).equals(normalize(named));
	}

	private static String normalize(String entity) {
		String name = entity.substring(entity.lastIndexOf('.') + 1);
		return name.replace("_", "").replace("\"", "").replace("`", "").toLowerCase(Locale.ROOT);
	}

}
