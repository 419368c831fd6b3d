package dev.fntrace.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A function that a call scheduled to run later.
 *
 * @param fnName the scheduled function's name
 * @param delayMs the delay it was scheduled with, in milliseconds, when given as a delay
 * @param runAt when it is to run, epoch milliseconds, when given as an instant
 * @param status what became of it, or {@code null} when unknown (recorded by hand)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "fn_name", "delay_ms", "run_at", "status" })
public record ScheduleTrace(@JsonProperty("fn_name") String fnName, @JsonProperty("delay_ms") Long delayMs,
		@JsonProperty("run_at") Long runAt, @JsonProperty("status") ScheduleStatus status) {

	/**
	 * Create a schedule without a status.
	 * @param fnName the scheduled function's name
	 * @param delayMs the delay, or {@code null}
	 * @param runAt the time to run, or {@code null}
	 */
	public ScheduleTrace(String fnName, Long delayMs, Long runAt) {
		this(fnName, delayMs, runAt, null);
	}

	/**
	 * This schedule with another status.
	 * @param status the status
	 * @return a copy with that status
	 */
	public ScheduleTrace withStatus(ScheduleStatus status) {
		return new ScheduleTrace(this.fnName, this.delayMs, this.runAt, status);
	}

}
