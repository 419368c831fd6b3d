package dev.fntrace.insight;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One N+1 finding: a statement shape that one call ran many times.
 *
 * @param statement the SQL text, or the operation kind and entity for an operation
 * without SQL
 * @param count how many times the call ran it
 */
public record NPlusOneFinding(@JsonProperty("statement") String statement, @JsonProperty("count") int count) {

}
