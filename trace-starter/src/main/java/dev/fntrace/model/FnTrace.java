package dev.fntrace.model;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The immutable record of one call of a server function. A value like a record: equal
 * when every component is. Who and what the call is lives in its {@link CallHeader}, the
 * same value its {@link TraceBuilder} recorded it under, whose call id is written only
 * when first read.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "call_id", "fn_name", "fn_type", "user_id", "tenant_id", "parent_call_id", "scheduled_by",
		"started_at", "duration_ms", "outcome", "ops", "ops_dropped", "stream_bytes", "stream_chunks", "schedules",
		"schedules_dropped", "trace_id", "span_id" })
public final class FnTrace {

	private final CallHeader header;

	private final double durationMs;

	private final FnOutcome outcome;

	private final List<OpTrace> ops;

	private final List<ScheduleTrace> schedules;

	/**
	 * What most traces leave at zero or {@code null}, shared by all of those so that it
	 * costs them one reference.
	 */
	private final Extras extras;

	/**
	 * Create a trace, copying the lists so the trace stays immutable.
	 * @param callId unique id of the call, across restarts and instances
	 * @param fnName the function's name
	 * @param fnType the function's type
	 * @param userId the caller's user id, or {@code null}
	 * @param tenantId the caller's tenant id, or {@code null}
	 * @param parentCallId the id of the traced call this call ran inside, or {@code null}
	 * @param scheduledBy the id of the call that scheduled this one, or {@code null}
	 * @param startedAt wall-clock start, epoch milliseconds
	 * @param durationMs elapsed time in milliseconds, from a monotonic clock
	 * @param outcome how the call ended
	 * @param ops the database operations, in order
	 * @param opsDropped how many operations were not kept because the trace was full
	 * @param streamBytes the bytes the call streamed to the client
	 * @param streamChunks the chunks the call streamed to the client
	 * @param schedules the functions the call scheduled to run later
	 * @param schedulesDropped how many schedules were not kept because the trace was full
	 * @param traceId the id of the distributed trace the call was part of, when a tracer
	 * followed it, or {@code null}
	 * @param spanId the id of the call's span in that trace, or {@code null}
	 */
	public FnTrace(String callId, String fnName, FnType fnType, String userId, String tenantId, String parentCallId,
			String scheduledBy, long startedAt, double durationMs, FnOutcome outcome, List<OpTrace> ops, int opsDropped,
			long streamBytes, long streamChunks, List<ScheduleTrace> schedules, int schedulesDropped, String traceId,
			String spanId) {
		this(CallHeader.of(callId, fnName, fnType, userId, tenantId, parentCallId, scheduledBy, startedAt), durationMs,
				outcome, ops, opsDropped, streamBytes, streamChunks, schedules, schedulesDropped, traceId, spanId);
	}

	/**
	 * Read a trace from its JSON, where counts that are zero are left out.
	 */
	@JsonCreator
	static FnTrace fromJson(@JsonProperty("call_id") String callId, @JsonProperty("fn_name") String fnName,
			@JsonProperty("fn_type") FnType fnType, @JsonProperty("user_id") String userId,
			@JsonProperty("tenant_id") String tenantId, @JsonProperty("parent_call_id") String parentCallId,
			@JsonProperty("scheduled_by") String scheduledBy, @JsonProperty("started_at") long startedAt,
			@JsonProperty("duration_ms") double durationMs, @JsonProperty("outcome") FnOutcome outcome,
			@JsonProperty("ops") List<OpTrace> ops, @JsonProperty("ops_dropped") Integer opsDropped,
			@JsonProperty("stream_bytes") long streamBytes, @JsonProperty("stream_chunks") long streamChunks,
			@JsonProperty("schedules") List<ScheduleTrace> schedules,
			@JsonProperty("schedules_dropped") Integer schedulesDropped, @JsonProperty("trace_id") String traceId,
			@JsonProperty("span_id") String spanId) {
		return new FnTrace(callId, fnName, fnType, userId, tenantId, parentCallId, scheduledBy, startedAt, durationMs,
				outcome, (ops != null) ? ops : List.of(), (opsDropped != null) ? opsDropped : 0, streamBytes,
				streamChunks, (schedules != null) ? schedules : List.of(),
				(schedulesDropped != null) ? schedulesDropped : 0, traceId, spanId);
	}

	/**
	 * Create a trace that no distributed tracer followed.
	 * @param callId unique id of the call
	 * @param fnName the function's name
	 * @param fnType the function's type
	 * @param userId the caller's user id, or {@code null}
	 * @param tenantId the caller's tenant id, or {@code null}
	 * @param parentCallId the id of the enclosing traced call, or {@code null}
	 * @param scheduledBy the id of the scheduling call, or {@code null}
	 * @param startedAt wall-clock start, epoch milliseconds
	 * @param durationMs elapsed time in milliseconds
	 * @param outcome how the call ended
	 * @param ops the database operations, in order
	 * @param opsDropped how many operations were not kept
	 * @param streamBytes the bytes streamed
	 * @param streamChunks the chunks streamed
	 * @param schedules the functions scheduled
	 * @param schedulesDropped how many schedules were not kept
	 */
	public FnTrace(String callId, String fnName, FnType fnType, String userId, String tenantId, String parentCallId,
			String scheduledBy, long startedAt, double durationMs, FnOutcome outcome, List<OpTrace> ops, int opsDropped,
			long streamBytes, long streamChunks, List<ScheduleTrace> schedules, int schedulesDropped) {
		this(callId, fnName, fnType, userId, tenantId, parentCallId, scheduledBy, startedAt, durationMs, outcome, ops,
				opsDropped, streamBytes, streamChunks, schedules, schedulesDropped, null, null);
	}

	/**
	 * Create a trace that dropped no schedules.
	 * @param callId unique id of the call
	 * @param fnName the function's name
	 * @param fnType the function's type
	 * @param userId the caller's user id, or {@code null}
	 * @param tenantId the caller's tenant id, or {@code null}
	 * @param parentCallId the id of the enclosing traced call, or {@code null}
	 * @param scheduledBy the id of the scheduling call, or {@code null}
	 * @param startedAt wall-clock start, epoch milliseconds
	 * @param durationMs elapsed time in milliseconds
	 * @param outcome how the call ended
	 * @param ops the database operations, in order
	 * @param opsDropped how many operations were not kept
	 * @param streamBytes the bytes streamed
	 * @param streamChunks the chunks streamed
	 * @param schedules the functions scheduled
	 */
	public FnTrace(String callId, String fnName, FnType fnType, String userId, String tenantId, String parentCallId,
			String scheduledBy, long startedAt, double durationMs, FnOutcome outcome, List<OpTrace> ops, int opsDropped,
			long streamBytes, long streamChunks, List<ScheduleTrace> schedules) {
		this(callId, fnName, fnType, userId, tenantId, parentCallId, scheduledBy, startedAt, durationMs, outcome, ops,
				opsDropped, streamBytes, streamChunks, schedules, 0);
	}

	FnTrace(CallHeader header, double durationMs, FnOutcome outcome, List<OpTrace> ops, int opsDropped,
			long streamBytes, long streamChunks, List<ScheduleTrace> schedules, int schedulesDropped, String traceId,
			String spanId) {
		this(header, durationMs, outcome, List.copyOf(ops), List.copyOf(schedules),
				Extras.of(opsDropped, streamBytes, streamChunks, schedulesDropped, traceId, spanId));
	}

	private FnTrace(CallHeader header, double durationMs, FnOutcome outcome, List<OpTrace> ops,
			List<ScheduleTrace> schedules, Extras extras) {
		this.header = header;
		this.durationMs = durationMs;
		this.outcome = outcome;
		this.ops = ops;
		this.schedules = schedules;
		this.extras = extras;
	}

	/**
	 * Unique id of the call, across restarts and instances.
	 * @return the call id
	 */
	@JsonProperty("call_id")
	public String callId() {
		return this.header.callId();
	}

	/**
	 * The function's name.
	 * @return the name
	 */
	@JsonProperty("fn_name")
	public String fnName() {
		return this.header.fnName();
	}

	/**
	 * The function's type.
	 * @return the type
	 */
	@JsonProperty("fn_type")
	public FnType fnType() {
		return this.header.fnType();
	}

	/**
	 * The caller's user id.
	 * @return the user id, or {@code null}
	 */
	@JsonProperty("user_id")
	public String userId() {
		return this.header.userId();
	}

	/**
	 * The caller's tenant id.
	 * @return the tenant id, or {@code null}
	 */
	@JsonProperty("tenant_id")
	public String tenantId() {
		return this.header.tenantId();
	}

	/**
	 * The id of the traced call this call ran inside.
	 * @return the parent's call id, or {@code null}
	 */
	@JsonProperty("parent_call_id")
	public String parentCallId() {
		return this.header.parentCallId();
	}

	/**
	 * The id of the call that scheduled this one.
	 * @return the scheduling call's id, or {@code null}
	 */
	@JsonProperty("scheduled_by")
	public String scheduledBy() {
		return this.header.scheduledBy();
	}

	/**
	 * Wall-clock start, epoch milliseconds.
	 * @return the start
	 */
	@JsonProperty("started_at")
	public long startedAt() {
		return this.header.startedAt();
	}

	/**
	 * Who and what the call is, as one value.
	 * @return the header
	 */
	@JsonIgnore
	public CallHeader header() {
		return this.header;
	}

	/**
	 * Elapsed time in milliseconds, from a monotonic clock.
	 * @return the duration
	 */
	@JsonProperty("duration_ms")
	public double durationMs() {
		return this.durationMs;
	}

	/**
	 * How the call ended.
	 * @return the outcome
	 */
	@JsonProperty("outcome")
	public FnOutcome outcome() {
		return this.outcome;
	}

	/**
	 * The database operations, in order.
	 * @return the operations
	 */
	@JsonProperty("ops")
	public List<OpTrace> ops() {
		return this.ops;
	}

	/**
	 * How many operations were not kept because the trace was full.
	 * @return the count
	 */
	@JsonProperty("ops_dropped")
	@JsonInclude(JsonInclude.Include.NON_DEFAULT)
	public int opsDropped() {
		return this.extras.opsDropped();
	}

	/**
	 * The bytes the call streamed to the client.
	 * @return the bytes
	 */
	@JsonProperty("stream_bytes")
	public long streamBytes() {
		return this.extras.streamBytes();
	}

	/**
	 * The chunks the call streamed to the client.
	 * @return the chunks
	 */
	@JsonProperty("stream_chunks")
	public long streamChunks() {
		return this.extras.streamChunks();
	}

	/**
	 * The functions the call scheduled to run later.
	 * @return the schedules
	 */
	@JsonProperty("schedules")
	public List<ScheduleTrace> schedules() {
		return this.schedules;
	}

	/**
	 * How many schedules were not kept because the trace was full.
	 * @return the count
	 */
	@JsonProperty("schedules_dropped")
	@JsonInclude(JsonInclude.Include.NON_DEFAULT)
	public int schedulesDropped() {
		return this.extras.schedulesDropped();
	}

	/**
	 * The id of the distributed trace the call was part of, when a tracer followed it.
	 * @return the trace id, or {@code null}
	 */
	@JsonProperty("trace_id")
	public String traceId() {
		return this.extras.traceId();
	}

	/**
	 * The id of the call's span in its distributed trace.
	 * @return the span id, or {@code null}
	 */
	@JsonProperty("span_id")
	public String spanId() {
		return this.extras.spanId();
	}

	/**
	 * Return this trace with another outcome, for example with its value hidden.
	 * @param outcome the outcome
	 * @return a copy with that outcome
	 */
	public FnTrace withOutcome(FnOutcome outcome) {
		return new FnTrace(this.header, this.durationMs, outcome, this.ops, this.schedules, this.extras);
	}

	/**
	 * Return this trace with the ids a distributed tracer gave the call.
	 * @param traceId the id of the distributed trace, or {@code null}
	 * @param spanId the id of the call's span, or {@code null}
	 * @return a copy with those ids
	 */
	public FnTrace withSpan(String traceId, String spanId) {
		return new FnTrace(this.header, this.durationMs, this.outcome, this.ops, this.schedules,
				this.extras.withSpan(traceId, spanId));
	}

	@Override
	public boolean equals(Object obj) {
		if (this == obj) {
			return true;
		}
		if (!(obj instanceof FnTrace other)) {
			return false;
		}
		return this.header.equals(other.header) && Double.compare(this.durationMs, other.durationMs) == 0
				&& Objects.equals(this.outcome, other.outcome) && this.ops.equals(other.ops)
				&& this.schedules.equals(other.schedules) && this.extras.equals(other.extras);
	}

	@Override
	public int hashCode() {
		Extras extras = this.extras;
		return Objects.hash(this.header, this.durationMs, this.outcome, this.ops, extras.opsDropped(),
				extras.streamBytes(), extras.streamChunks(), this.schedules, extras.schedulesDropped(),
				extras.traceId(), extras.spanId());
	}

	@Override
	public String toString() {
		Extras extras = this.extras;
		return "FnTrace[" + this.header + ", durationMs=" + this.durationMs + ", outcome=" + this.outcome + ", ops="
				+ this.ops + ", opsDropped=" + extras.opsDropped() + ", streamBytes=" + extras.streamBytes()
				+ ", streamChunks=" + extras.streamChunks() + ", schedules=" + this.schedules + ", schedulesDropped="
				+ extras.schedulesDropped() + ", traceId=" + extras.traceId() + ", spanId=" + extras.spanId() + "]";
	}

	/**
	 * The counts and ids of a trace that most traces leave at zero or {@code null}.
	 */
	private record Extras(int opsDropped, long streamBytes, long streamChunks, int schedulesDropped, String traceId,
			String spanId) {

		private static final Extras NONE = new Extras(0, 0, 0, 0, null, null);

		static Extras of(int opsDropped, long streamBytes, long streamChunks, int schedulesDropped, String traceId,
				String spanId) {
			if (opsDropped == 0 && streamBytes == 0 && streamChunks == 0 && schedulesDropped == 0 && traceId == null
					&& spanId == null) {
				return NONE;
			}
			return new Extras(opsDropped, streamBytes, streamChunks, schedulesDropped, traceId, spanId);
		}

		Extras withSpan(String traceId, String spanId) {
			return of(this.opsDropped, this.streamBytes, this.streamChunks, this.schedulesDropped, traceId, spanId);
		}

	}

}
