package dev.fntrace.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A function that a call scheduled to run later.
 * @param fnName the scheduled function's name
 * @param delayMs the delay it was scheduled with, in milliseconds, when given as a delay
 * @param runAt when it is to run, epoch milliseconds, when given as an instant
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScheduleTrace(@JsonProperty("fn_name") String fnName, @JsonProperty("delay_ms") Long delayMs,
		@JsonProperty("run_at") Long runAt) {

}
