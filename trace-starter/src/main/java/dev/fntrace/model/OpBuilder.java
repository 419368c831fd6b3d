package dev.fntrace.model;

import java.util.function.LongSupplier;

/**
 * One operation being recorded. Everything is known when it is created except, for a
 * query, the rows read, which are counted while the caller reads the result. The row
 * count may be set on one thread and read on another (a trace finished when a future
 * completes): both of its fields are volatile.
 */
public final class OpBuilder {

	private final DbOp op;

	private final String entity;

	private final String id;

	private final long startNanos;

	private final long durationNanos;

	private final boolean ok;

	private final String sql;

	private final Integer batchSize;

	private volatile long rowCount = -1;

	private volatile LongSupplier rowSource;

	OpBuilder(DbOp op, String entity, String id, long startNanos, long durationNanos, boolean ok, String sql,
			Integer batchSize) {
		this.op = op;
		this.entity = entity;
		this.id = id;
		this.startNanos = startNanos;
		this.durationNanos = durationNanos;
		this.ok = ok;
		this.sql = sql;
		this.batchSize = batchSize;
	}

	/**
	 * Set the number of rows the operation read or wrote.
	 * @param rows the row count
	 * @return this builder
	 */
	public OpBuilder rowCount(long rows) {
		this.rowCount = rows;
		return this;
	}

	/**
	 * Take the row count, when the trace is finished, from a source that counts the rows
	 * as the caller reads them.
	 * @param rows the source of the row count
	 * @return this builder
	 */
	public OpBuilder rowCountFrom(LongSupplier rows) {
		this.rowSource = rows;
		return this;
	}

	OpTrace build(long callStartNanos) {
		return new OpTrace(this.op, this.entity, this.id, millis(this.startNanos - callStartNanos),
				millis(this.durationNanos), rowCount(), this.ok, this.sql, this.batchSize);
	}

	/**
	 * The kind of the operation.
	 * @return the kind
	 */
	public DbOp op() {
		return this.op;
	}

	/**
	 * The rows the operation read or changed, as far as known now.
	 * @return the row count, or {@code null} when unknown
	 */
	public Long rowCount() {
		if (this.rowSource != null) {
			long rows = this.rowSource.getAsLong();
			return (rows >= 0) ? rows : null;
		}
		return (this.rowCount >= 0) ? this.rowCount : null;
	}

	/**
	 * The statement the operation ran, as kept.
	 * @return the SQL, or {@code null}
	 */
	public String sql() {
		return this.sql;
	}

	static double millis(long nanos) {
		return nanos / 1_000_000.0;
	}

}
