package dev.fntrace.insight;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Statistics of one function over a set of its calls. Percentiles are nearest-rank: the
 * p-th percentile is the smallest duration that at least p percent of the calls took at
 * most.
 *
 * @param fnName the function name
 * @param fnType the function's type as written in JSON, or {@code null} when unknown
 * @param calls how many calls
 * @param errors how many ended in {@code error}
 * @param rollbacks how many ended {@code rolled_back}
 * @param slowCalls how many were slow
 * @param errorRate the share of calls that failed ({@code error} or {@code rolled_back}),
 * 0 to 1
 * @param p50Ms the median duration, in milliseconds
 * @param p95Ms the 95th percentile duration, in milliseconds
 * @param p99Ms the 99th percentile duration, in milliseconds
 * @param maxMs the longest duration, in milliseconds
 * @param histogram how many calls fell in each bucket of
 * {@link FunctionStatisticsCollector#HISTOGRAM_BOUNDS_MS}, plus one last bucket for the
 * rest
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "fn_name", "fn_type", "calls", "errors", "rollbacks", "slow_calls", "error_rate", "p50_ms",
		"p95_ms", "p99_ms", "max_ms", "histogram" })
public record FunctionStatistics(@JsonProperty("fn_name") String fnName, @JsonProperty("fn_type") String fnType,
		@JsonProperty("calls") long calls, @JsonProperty("errors") long errors,
		@JsonProperty("rollbacks") long rollbacks, @JsonProperty("slow_calls") long slowCalls,
		@JsonProperty("error_rate") double errorRate, @JsonProperty("p50_ms") double p50Ms,
		@JsonProperty("p95_ms") double p95Ms, @JsonProperty("p99_ms") double p99Ms,
		@JsonProperty("max_ms") double maxMs, @JsonProperty("histogram") List<Long> histogram) {

	/**
	 * Create statistics, copying the histogram.
	 */
	public FunctionStatistics {
		histogram = List.copyOf(histogram);
	}

}
