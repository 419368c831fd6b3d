package dev.fntrace.model;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * The mutable record of a call in progress; {@link #finish} turns it into an immutable
 * {@link FnTrace}. Capture points on any thread may add to it while the call runs, so
 * every mutator of the builder is synchronized; contention is rare (one call, usually one
 * thread). A call that recorded nothing beyond itself (the common case) finishes without
 * the lock: its {@link #finish} only moves the builder from open to finished, which a
 * mutator that records something must do the other way first (open to shared). An
 * operation's row count, which may be set after the operation was added, is published
 * through volatile fields of its {@link OpBuilder}. Every list it keeps is bounded by its
 * {@link TraceLimits}: what does not fit is counted, never kept.
 */
public final class TraceBuilder {

	/** No mutator recorded anything yet: {@link #finish} needs no lock. */
	private static final int OPEN = 0;

	/** A mutator recorded something: {@link #finish} takes the lock. */
	private static final int SHARED = 1;

	/** Finished or discarded: nothing is recorded any more. */
	private static final int FINISHED = 2;

	private static final VarHandle PHASE;

	static {
		try {
			PHASE = MethodHandles.lookup().findVarHandle(TraceBuilder.class, "phase", int.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private final CallHeader header;

	private final long startNanos;

	private final TraceLimits limits;

	private String methodName;

	private boolean scheduledRun;

	/**
	 * What the call recorded beyond itself; created by the first record, which moves the
	 * phase from open to shared.
	 */
	private Recorded recorded;

	private volatile FnOutcome.RolledBack rollback;

	private boolean transactionClaimed;

	private volatile boolean hasTracedChildren;

	/**
	 * {@link #OPEN}, {@link #SHARED} or {@link #FINISHED}: changed under the lock, except
	 * by {@link #finish} and {@link #discard}.
	 */
	private volatile int phase;

	private volatile Object attachment;

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
	 * @param limits the bounds of the trace
	 */
	public TraceBuilder(String callId, String fnName, FnType fnType, String userId, String tenantId,
			String parentCallId, String scheduledBy, long startedAt, long startNanos, TraceLimits limits) {
		this(CallHeader.of(callId, fnName, fnType, userId, tenantId, parentCallId, scheduledBy, startedAt), startNanos,
				limits);
	}

	/**
	 * Start recording a call whose id is written only when it is read (as
	 * {@link CallIds#format} writes it), so that a call whose id nobody reads costs no
	 * string.
	 * @param callIdPrefix the prefix of the call's id
	 * @param callIdSequence the sequence number of the call's id
	 * @param fnName the function's name
	 * @param fnType the function's type
	 * @param userId the caller's user id, or {@code null}
	 * @param tenantId the caller's tenant id, or {@code null}
	 * @param parentCallId the enclosing call's id, or {@code null}
	 * @param scheduledBy the id of the call that scheduled this one, or {@code null}
	 * @param startedAt wall-clock start, epoch milliseconds
	 * @param startNanos monotonic start, as {@link System#nanoTime()}
	 * @param limits the bounds of the trace
	 */
	public TraceBuilder(String callIdPrefix, long callIdSequence, String fnName, FnType fnType, String userId,
			String tenantId, String parentCallId, String scheduledBy, long startedAt, long startNanos,
			TraceLimits limits) {
		this(CallHeader.ofSequence(callIdPrefix, callIdSequence, fnName, fnType, userId, tenantId, parentCallId,
				scheduledBy, startedAt), startNanos, limits);
	}

	/**
	 * Start recording a call under a header.
	 * @param header who and what the call is
	 * @param startNanos monotonic start, as {@link System#nanoTime()}
	 * @param limits the bounds of the trace
	 */
	public TraceBuilder(CallHeader header, long startNanos, TraceLimits limits) {
		this.header = header;
		this.startNanos = startNanos;
		this.limits = limits;
	}

	/**
	 * Name the Java method the call runs, as Spring names the transactions it begins
	 * ({@code com.example.AuctionService.placeBid}), so that the call's own transaction
	 * can be told from inner ones. Call before the trace is shared.
	 * @param methodName the qualified method name
	 * @return this builder
	 */
	public TraceBuilder method(String methodName) {
		this.methodName = methodName;
		return this;
	}

	/**
	 * Mark this trace as the run of scheduled work: traced calls the work makes are
	 * linked to the scheduling call by {@code scheduled_by}, not to this trace by
	 * {@code parent_call_id}. Call before the trace is shared.
	 * @return this builder
	 */
	public TraceBuilder scheduledRun() {
		this.scheduledRun = true;
		return this;
	}

	/**
	 * The call's id.
	 * @return the id
	 */
	public String callId() {
		return this.header.callId();
	}

	/**
	 * The function's name.
	 * @return the name
	 */
	public String fnName() {
		return this.header.fnName();
	}

	/**
	 * The function's type.
	 * @return the type
	 */
	public FnType fnType() {
		return this.header.fnType();
	}

	/**
	 * The qualified name of the Java method the call runs.
	 * @return the name, or {@code null} when the call is not a method call
	 */
	public String methodName() {
		return this.methodName;
	}

	/**
	 * The caller's user id.
	 * @return the user id, or {@code null}
	 */
	public String userId() {
		return this.header.userId();
	}

	/**
	 * The caller's tenant id.
	 * @return the tenant id, or {@code null}
	 */
	public String tenantId() {
		return this.header.tenantId();
	}

	/**
	 * The id of the call that scheduled this one.
	 * @return the scheduling call's id, or {@code null}
	 */
	public String scheduledBy() {
		return this.header.scheduledBy();
	}

	/**
	 * Who and what the call is.
	 * @return the header, which the finished trace shares
	 */
	public CallHeader header() {
		return this.header;
	}

	/**
	 * The limits of this trace.
	 * @return the limits
	 */
	public TraceLimits limits() {
		return this.limits;
	}

	/**
	 * Whether this trace is the run of scheduled work.
	 * @return {@code true} after {@link #scheduledRun()}
	 */
	public boolean isScheduledRun() {
		return this.scheduledRun;
	}

	/**
	 * Note that a traced call started inside this one.
	 */
	public void addTracedChild() {
		this.hasTracedChildren = true;
	}

	/**
	 * Whether this trace only wraps traced calls: they ran inside it, and it recorded
	 * nothing of its own, so keeping it would only repeat them.
	 * @return {@code true} if the trace adds nothing to its children's
	 */
	public synchronized boolean onlyWrapsTracedCalls() {
		return this.hasTracedChildren && this.recorded == null;
	}

	/**
	 * Claim a transaction as the call's own: possible once per call.
	 * @return {@code true} the first time
	 */
	public synchronized boolean claimTransaction() {
		if (this.transactionClaimed || this.phase == FINISHED) {
			return false;
		}
		this.transactionClaimed = true;
		return true;
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
	 * @return the operation, to add its row count to, or {@code null} when the trace is
	 * full and the operation was only counted as dropped
	 */
	public synchronized OpBuilder addOp(DbOp op, String entity, String id, long startNanos, long durationNanos,
			boolean ok, String sql, Integer batchSize) {
		Recorded recorded = recorded();
		if (recorded == null) {
			return null;
		}
		if (recorded.opCount() >= this.limits.maxOps()) {
			recorded.opsDropped++;
			return null;
		}
		if (recorded.ops == null) {
			recorded.ops = new ArrayList<>(4);
		}
		OpBuilder builder = new OpBuilder(op, entity, id, startNanos, durationNanos, ok, keepSql(recorded, sql),
				batchSize);
		recorded.ops.add(builder);
		return builder;
	}

	/**
	 * What the call recorded, created by the first record. Called under the lock.
	 * @return the record, or {@code null} once the call finished
	 */
	private Recorded recorded() {
		if (this.phase == FINISHED) {
			return null;
		}
		if (this.recorded == null) {
			// without a record the phase is open, or finished without the lock
			if (!PHASE.compareAndSet(this, OPEN, SHARED)) {
				return null;
			}
			this.recorded = new Recorded();
		}
		return this.recorded;
	}

	private int opCount() {
		return (this.recorded != null) ? this.recorded.opCount() : 0;
	}

	private int opsDropped() {
		return (this.recorded != null) ? this.recorded.opsDropped : 0;
	}

	private String keepSql(Recorded recorded, String sql) {
		if (sql == null) {
			return null;
		}
		int remaining = this.limits.maxSqlChars() - recorded.sqlChars;
		if (sql.length() <= remaining) {
			recorded.sqlChars += sql.length();
			return sql;
		}
		if (remaining <= 0) {
			return null;
		}
		recorded.sqlChars = this.limits.maxSqlChars();
		return BoundedText.cut(sql, remaining);
	}

	/**
	 * Record a chunk streamed to the client.
	 * @param bytes the chunk's size in bytes
	 */
	public synchronized void addStreamChunk(long bytes) {
		Recorded recorded = recorded();
		if (recorded == null) {
			return;
		}
		recorded.streamChunks++;
		recorded.streamBytes += bytes;
	}

	/**
	 * Record a function scheduled to run later.
	 * @param schedule the schedule
	 * @return its index, to {@link #updateSchedule update} its status, or -1 if the trace
	 * is finished or holds as many schedules as it may (the schedule is then counted as
	 * dropped)
	 */
	public synchronized int addSchedule(ScheduleTrace schedule) {
		Recorded recorded = recorded();
		if (recorded == null) {
			return -1;
		}
		if (recorded.schedules == null) {
			recorded.schedules = new ArrayList<>(2);
		}
		if (recorded.schedules.size() >= this.limits.maxSchedules()) {
			recorded.schedulesDropped++;
			return -1;
		}
		recorded.schedules.add(schedule);
		return recorded.schedules.size() - 1;
	}

	/**
	 * Change the status of a schedule this call recorded.
	 * @param index the index {@link #addSchedule} returned
	 * @param status the new status
	 */
	public synchronized void updateSchedule(int index, ScheduleStatus status) {
		List<ScheduleTrace> schedules = (this.recorded != null) ? this.recorded.schedules : null;
		if (this.phase != FINISHED && index >= 0 && schedules != null && index < schedules.size()) {
			schedules.set(index, schedules.get(index).withStatus(status));
		}
	}

	/**
	 * Where the operations stand now: a mark for {@link #takeOpsSince}.
	 * @return the mark
	 */
	public synchronized OpsMark markOps() {
		return new OpsMark(opCount(), opsDropped());
	}

	/**
	 * Take back the operations recorded since a mark, so that one operation can stand for
	 * them (as a repository call stands for the statements it ran). They leave the trace:
	 * the SQL text they kept no longer counts against the trace's budget, and operations
	 * dropped since the mark because the trace was full are no longer counted as dropped.
	 * @param mark the {@link #markOps() mark} taken before the operations ran
	 * @return the operations taken, in order; empty when the trace is finished
	 */
	public synchronized List<OpBuilder> takeOpsSince(OpsMark mark) {
		if (this.phase == FINISHED || this.recorded == null) {
			return List.of();
		}
		Recorded recorded = this.recorded;
		recorded.opsDropped = Math.min(recorded.opsDropped, Math.max(mark.dropped(), 0));
		int from = Math.min(Math.max(mark.kept(), 0), recorded.opCount());
		if (recorded.ops == null || from == recorded.ops.size()) {
			return List.of();
		}
		List<OpBuilder> tail = recorded.ops.subList(from, recorded.ops.size());
		List<OpBuilder> taken = List.copyOf(tail);
		tail.clear();
		for (OpBuilder op : taken) {
			if (op.sql() != null) {
				recorded.sqlChars -= Math.min(recorded.sqlChars, op.sql().length());
			}
		}
		return taken;
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
	public FnTrace finish(FnOutcome outcome, long endNanos) {
		double durationMs = OpBuilder.millis(endNanos - this.startNanos);
		if (PHASE.compareAndSet(this, OPEN, FINISHED)) {
			return new FnTrace(this.header, durationMs, outcome, List.of(), 0, 0, 0, List.of(), 0, null, null);
		}
		return finishRecorded(outcome, durationMs);
	}

	private synchronized FnTrace finishRecorded(FnOutcome outcome, double durationMs) {
		if (this.phase == FINISHED) {
			return null;
		}
		this.phase = FINISHED;
		Recorded recorded = this.recorded;
		List<OpTrace> builtOps;
		if (recorded.ops == null || recorded.ops.isEmpty()) {
			builtOps = List.of();
		}
		else {
			OpTrace[] array = new OpTrace[recorded.ops.size()];
			for (int i = 0; i < array.length; i++) {
				array[i] = recorded.ops.get(i).build(this.startNanos);
			}
			builtOps = List.of(array);
		}
		return new FnTrace(this.header, durationMs, outcome, builtOps, recorded.opsDropped, recorded.streamBytes,
				recorded.streamChunks, (recorded.schedules != null) ? recorded.schedules : List.of(),
				recorded.schedulesDropped, null, null);
	}

	/**
	 * End the call without making a trace of it: nothing can be added afterwards, and
	 * {@link #finish} makes nothing.
	 */
	public void discard() {
		this.phase = FINISHED;
	}

	/**
	 * Whether the call has finished.
	 * @return {@code true} once {@link #finish} has run
	 */
	public boolean isFinished() {
		return this.phase == FINISHED;
	}

	/**
	 * Keep state that an observer of the call (such as a Micrometer {@code Observation})
	 * needs until the call finishes. Opaque to the model.
	 * @param attachment the state, or {@code null}
	 */
	public void attach(Object attachment) {
		this.attachment = attachment;
	}

	/**
	 * The state an observer of the call keeps with it.
	 * @return the state, or {@code null}
	 */
	public Object attachment() {
		return this.attachment;
	}

	/**
	 * Where a trace's operations stood at a moment.
	 *
	 * @param kept how many operations the trace held
	 * @param dropped how many it had dropped
	 */
	public record OpsMark(int kept, int dropped) {

	}

	/**
	 * What a call recorded beyond itself: its operations, streamed chunks and schedules,
	 * with what did not fit. Kept apart so that a call that records none of them costs
	 * one reference.
	 */
	private static final class Recorded {

		private ArrayList<OpBuilder> ops;

		private int opsDropped;

		private int sqlChars;

		private long streamBytes;

		private long streamChunks;

		private List<ScheduleTrace> schedules;

		private int schedulesDropped;

		int opCount() {
			return (this.ops != null) ? this.ops.size() : 0;
		}

	}

}
