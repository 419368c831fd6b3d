package dev.fntrace.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One database operation run by a call.
 *
 * @param op the kind of operation
 * @param entity the table or domain type it touched, or {@code null} when unknown
 * @param id the entity id, when known
 * @param offsetMs when the operation started, in milliseconds after the call started
 * @param durationMs how long the operation took, in milliseconds
 * @param rowCount the rows read or written, when known
 * @param ok whether the operation succeeded
 * @param sql the statement text with {@code ?} placeholders (never parameter values),
 * when the op came from SQL
 * @param batchSize the number of parameter sets, for a batch
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "op", "entity", "id", "offset_ms", "duration_ms", "row_count", "ok", "sql", "batch_size" })
public record OpTrace(@JsonProperty("op") DbOp op, @JsonProperty("entity") String entity, @JsonProperty("id") String id,
		@JsonProperty("offset_ms") double offsetMs, @JsonProperty("duration_ms") double durationMs,
		@JsonProperty("row_count") Long rowCount, @JsonProperty("ok") boolean ok, @JsonProperty("sql") String sql,
		@JsonProperty("batch_size") Integer batchSize) {

}
