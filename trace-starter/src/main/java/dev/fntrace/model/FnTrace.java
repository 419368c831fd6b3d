package dev.fntrace.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The immutable record of one call of a server function.
 *
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
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "call_id", "fn_name", "fn_type", "user_id", "tenant_id", "parent_call_id", "scheduled_by",
		"started_at", "duration_ms", "outcome", "ops", "ops_dropped", "stream_bytes", "stream_chunks", "schedules",
		"schedules_dropped", "trace_id", "span_id" })
public record FnTrace(@JsonProperty("call_id") String callId, @JsonProperty("fn_name") String fnName,
		@JsonProperty("fn_type") FnType fnType, @JsonProperty("user_id") String userId,
		@JsonProperty("tenant_id") String tenantId, @JsonProperty("parent_call_id") String parentCallId,
		@JsonProperty("scheduled_by") String scheduledBy, @JsonProperty("started_at") long startedAt,
		@JsonProperty("duration_ms") double durationMs, @JsonProperty("outcome") FnOutcome outcome,
		@JsonProperty("ops") List<OpTrace> ops,
		@JsonProperty("ops_dropped") @JsonInclude(JsonInclude.Include.NON_DEFAULT) int opsDropped,
		@JsonProperty("stream_bytes") long streamBytes, @JsonProperty("stream_chunks") long streamChunks,
		@JsonProperty("schedules") List<ScheduleTrace> schedules,
		@JsonProperty("schedules_dropped") @JsonInclude(JsonInclude.Include.NON_DEFAULT) int schedulesDropped,
		@JsonProperty("trace_id") String traceId, @JsonProperty("span_id") String spanId) {

	/**
	 * Create a trace, copying the lists so the trace stays immutable.
	 */
	public FnTrace {
		ops = List.copyOf(ops);
		schedules = List.copyOf(schedules);
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

	/**
	 * Return this trace with another outcome, for example with its value hidden.
	 * @param outcome the outcome
	 * @return a copy with that outcome
	 */
	public FnTrace withOutcome(FnOutcome outcome) {
		return new FnTrace(this.callId, this.fnName, this.fnType, this.userId, this.tenantId, this.parentCallId,
				this.scheduledBy, this.startedAt, this.durationMs, outcome, this.ops, this.opsDropped, this.streamBytes,
				this.streamChunks, this.schedules, this.schedulesDropped, this.traceId, this.spanId);
	}

	/**
	 * Return this trace with the ids a distributed tracer gave the call.
	 * @param traceId the id of the distributed trace, or {@code null}
	 * @param spanId the id of the call's span, or {@code null}
	 * @return a copy with those ids
	 */
	public FnTrace withSpan(String traceId, String spanId) {
		return new FnTrace(this.callId, this.fnName, this.fnType, this.userId, this.tenantId, this.parentCallId,
				this.scheduledBy, this.startedAt, this.durationMs, this.outcome, this.ops, this.opsDropped,
				this.streamBytes, this.streamChunks, this.schedules, this.schedulesDropped, traceId, spanId);
	}

}
