package dev.fntrace.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The mutable record of a call in progress; {@link #finish} turns it into an immutable
 * {@link FnTrace}. Capture points on any thread may add to it while the call runs, so every
 * mutator is synchronized; contention is rare (one call, usually one thread).
 */
public final class TraceBuilder {

	private final String callId;

	private final String fnName;

	private final FnType fnType;

	private final String userId;

	private final String tenantId;

	private final String parentCallId;

	private final String scheduledBy;

	private final long startedAt;

	private final long startNanos;

	private final int maxOps;

	private final ArrayList<OpBuilder> ops = new ArrayList<>(4);

	private int opsDropped;

	private long streamBytes;

	private long streamChunks;

	private List<ScheduleTrace> schedules;

	private volatile FnOutcome.RolledBack rollback;

	private boolean finished;

	private boolean provisional;

	private boolean adopted;

	/**
	 * Start recording a call.
	 * @param callId unique id of the call
	 * @param fnName the function's name
	 * @param fnType the function's type
	 * @param userId the caller's user id, or {@code null}
	 * @param tenantId the caller's tenant id, or {@code null}
	 * @param parentCallId the enclosing call's id, or {@code null}
	 * @param scheduledBy the id of the call that scheduled this one, or {@code null}
	 * @param startedAt wall-clock start, epoch milliseconds
	 * @param startNanos monotonic start, as {@link System#nanoTime()}
	 * @param maxOps how many operations to keep at most; later ones are only counted
	 */
	public TraceBuilder(String callId, String fnName, FnType fnType, String userId, String tenantId,
			String parentCallId, String scheduledBy, long startedAt, long startNanos, int maxOps) {
		this.callId = callId;
		this.fnName = fnName;
		this.fnType = fnType;
		this.userId = userId;
		this.tenantId = tenantId;
		this.parentCallId = parentCallId;
		this.scheduledBy = scheduledBy;
		this.startedAt = startedAt;
		this.startNanos = startNanos;
		this.maxOps = maxOps;
	}

	/**
	 * The call's id.
	 * @return the id
	 */
	public String callId() {
		return this.callId;
	}

	/**
	 * The function's name.
	 * @return the name
	 */
	public String fnName() {
		return this.fnName;
	}

	/**
	 * The function's type.
	 * @return the type
	 */
	public FnType fnType() {
		return this.fnType;
	}

	/**
	 * The caller's user id.
	 * @return the user id, or {@code null}
	 */
	public String userId() {
		return this.userId;
	}

	/**
	 * The caller's tenant id.
	 * @return the tenant id, or {@code null}
	 */
	public String tenantId() {
		return this.tenantId;
	}

	/**
	 * The id of the call that scheduled this one.
	 * @return the scheduling call's id, or {@code null}
	 */
	public String scheduledBy() {
		return this.scheduledBy;
	}

	/**
	 * Mark this trace as a provisional wrapper around work run later on behalf of a scheduling
	 * call: if the first thing the work does is call a traced function, that call
	 * {@link #tryAdopt() adopts} the schedule and this trace is dropped unless it recorded
	 * something of its own. Call before the trace is shared.
	 * @return this builder
	 */
	public TraceBuilder markProvisional() {
		this.provisional = true;
		return this;
	}

	/**
	 * Whether this trace is a provisional wrapper.
	 * @return {@code true} if {@link #markProvisional()} was called
	 */
	public boolean isProvisional() {
		return this.provisional;
	}

	/**
	 * Let a traced call started inside this provisional trace take its place: possible once, and
	 * only while this trace has recorded nothing.
	 * @return {@code true} if the caller may take this trace's place
	 */
	public synchronized boolean tryAdopt() {
		if (!this.provisional || this.adopted || this.finished || !this.ops.isEmpty()
				|| (this.schedules != null && !this.schedules.isEmpty()) || this.streamChunks > 0) {
			return false;
		}
		this.adopted = true;
		return true;
	}

	/**
	 * Whether this provisional trace was adopted and recorded nothing of its own, so that keeping
	 * it would only repeat the adopting call.
	 * @return {@code true} if the trace can be dropped
	 */
	public synchronized boolean isRedundant() {
		return this.adopted && this.ops.isEmpty() && this.opsDropped == 0
				&& (this.schedules == null || this.schedules.isEmpty()) && this.streamChunks == 0;
	}

	/**
	 * Record a database operation.
	 * @param op the kind of operation
	 * @param entity the table or type, or {@code null}
	 * @param id the entity id, or {@code null}
	 * @param startNanos when it started, as {@link System#nanoTime()}
	 * @param durationNanos how long it took
	 * @param ok whether it succeeded
	 * @param sql the statement with placeholders, or {@code null}
	 * @param batchSize the batch size, or {@code null} when not a batch
	 * @return the operation, to add its row count to, or {@code null} when the trace is full and the
	 * operation was only counted as dropped
	 */
	public synchronized OpBuilder addOp(DbOp op, String entity, String id, long startNanos, long durationNanos,
			boolean ok, String sql, Integer batchSize) {
		if (this.finished) {
			return null;
		}
		if (this.ops.size() >= this.maxOps) {
			this.opsDropped++;
			return null;
		}
		OpBuilder builder = new OpBuilder(op, entity, id, startNanos, durationNanos, ok, sql, batchSize);
		this.ops.add(builder);
		return builder;
	}

	/**
	 * Record a chunk streamed to the client.
	 * @param bytes the chunk's size in bytes
	 */
	public synchronized void addStreamChunk(long bytes) {
		if (this.finished) {
			return;
		}
		this.streamChunks++;
		this.streamBytes += bytes;
	}

	/**
	 * Record a function scheduled to run later.
	 * @param schedule the schedule
	 * @return its index, to {@link #updateSchedule update} its status, or -1 if the trace is full
	 * or finished
	 */
	public synchronized int addSchedule(ScheduleTrace schedule) {
		if (this.finished) {
			return -1;
		}
		if (this.schedules == null) {
			this.schedules = new ArrayList<>(2);
		}
		if (this.schedules.size() >= this.maxOps) {
			return -1;
		}
		this.schedules.add(schedule);
		return this.schedules.size() - 1;
	}

	/**
	 * Change the status of a schedule this call recorded.
	 * @param index the index {@link #addSchedule} returned
	 * @param status the new status
	 */
	public synchronized void updateSchedule(int index, ScheduleStatus status) {
		if (!this.finished && index >= 0 && this.schedules != null && index < this.schedules.size()) {
			this.schedules.set(index, this.schedules.get(index).withStatus(status));
		}
	}

	/**
	 * How many operations the trace holds so far; a mark for {@link #foldOpsSince}.
	 * @return the number of operations kept
	 */
	public synchronized int opCount() {
		return this.ops.size();
	}

	/**
	 * Replace the operations recorded since a mark by one operation that stands for them, such as
	 * a repository call that ran them: its SQL is their SQL, and its rows are the rows of those of
	 * them that do the same kind of work (reads for a read, writes for a write) added up, so that a
	 * sequence read does not count as an inserted row.
	 * @param mark the {@link #opCount()} before the operations ran
	 * @param op the kind of the folded operation
	 * @param entity its entity
	 * @param id its entity id, or {@code null}
	 * @param startNanos when it started
	 * @param durationNanos how long it took
	 * @param ok whether it succeeded
	 * @return the folded operation, or {@code null} when the trace is full or finished
	 */
	public synchronized OpBuilder foldOpsSince(int mark, DbOp op, String entity, String id, long startNanos,
			long durationNanos, boolean ok) {
		if (this.finished) {
			return null;
		}
		int from = Math.min(Math.max(mark, 0), this.ops.size());
		List<OpBuilder> folded = new ArrayList<>(this.ops.subList(from, this.ops.size()));
		this.ops.subList(from, this.ops.size()).clear();
		OpBuilder builder = addOp(op, entity, id, startNanos, durationNanos, ok, OpBuilder.joinSql(folded), null);
		if (builder != null && !folded.isEmpty()) {
			builder.rowCountFrom(OpBuilder.sumOfRows(folded, op.isRead()));
		}
		return builder;
	}

	/**
	 * Record that the call's own transaction was rolled back. The first cause wins.
	 * @param code the error code of the cause
	 * @param message the message of the cause, or {@code null}
	 */
	public synchronized void markRolledBack(String code, String message) {
		if (this.rollback == null) {
			this.rollback = new FnOutcome.RolledBack(code, message);
		}
	}

	/**
	 * The rollback recorded for this call, if any.
	 * @return the rolled-back outcome, or {@code null}
	 */
	public FnOutcome.RolledBack rollback() {
		return this.rollback;
	}

	/**
	 * Finish the call. Only the first finish counts: later ones return {@code null}.
	 * @param outcome how the call ended
	 * @param endNanos when it ended, as {@link System#nanoTime()}
	 * @return the immutable trace, or {@code null} if the call was already finished
	 */
	public synchronized FnTrace finish(FnOutcome outcome, long endNanos) {
		if (this.finished) {
			return null;
		}
		this.finished = true;
		List<OpTrace> builtOps;
		if (this.ops.isEmpty()) {
			builtOps = List.of();
		}
		else {
			OpTrace[] array = new OpTrace[this.ops.size()];
			for (int i = 0; i < array.length; i++) {
				array[i] = this.ops.get(i).build(this.startNanos);
			}
			builtOps = List.of(array);
		}
		return new FnTrace(this.callId, this.fnName, this.fnType, this.userId, this.tenantId, this.parentCallId,
				this.scheduledBy, this.startedAt, OpBuilder.millis(endNanos - this.startNanos), outcome, builtOps,
				this.opsDropped, this.streamBytes, this.streamChunks,
				(this.schedules != null) ? this.schedules : List.of());
	}

	/**
	 * Whether the call has finished.
	 * @return {@code true} once {@link #finish} has run
	 */
	public synchronized boolean isFinished() {
		return this.finished;
	}

}
