package dev.fntrace.actuate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.Predicate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import dev.fntrace.insight.FunctionStatistics;
import dev.fntrace.insight.FunctionStatisticsCollector;
import dev.fntrace.insight.NPlusOneDetector;
import dev.fntrace.insight.SlowCallThresholds;
import dev.fntrace.insight.TraceInsights;

import dev.fntrace.log.StatusFilter;
import dev.fntrace.log.TraceLog;
import dev.fntrace.log.TraceQuery;
import dev.fntrace.model.FnOutcome;
import dev.fntrace.model.FnTrace;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;

import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.lang.Nullable;

/**
 * {@link Endpoint @Endpoint} that serves the recent function traces: filtered lists, one
 * trace by call id, statistics per function, and clearing. Returned values are shown as
 * the {@code show-values} policy allows. Every trace served carries its
 * {@link TraceInsights insights}. A browser that asks for {@code text/html} gets the
 * trace viewer page instead of the list.
 */
@Endpoint(id = "fntraces")
public class FnTracesEndpoint {

	/** How many traces a list returns when the request sets no limit. */
	public static final int DEFAULT_LIMIT = 100;

	/**
	 * The selector that reads the statistics, {@code /fntraces/stats}. No call id can be
	 * it: call ids always hold a {@code -}.
	 */
	public static final String STATS = "stats";

	static final String HIDDEN_VALUE = "\"******\"";

	private final TraceLog log;

	private final Show showValues;

	private final Set<String> roles;

	private final NPlusOneDetector nPlusOne;

	private final SlowCallThresholds slow;

	private final Supplier<Map<String, Long>> failures;

	private final FnTracesPage page;

	/**
	 * Create an endpoint.
	 * @param log the trace log
	 * @param showValues when returned values are shown
	 * @param roles the roles that may see values when {@link Show#WHEN_AUTHORIZED}; empty
	 * for any authenticated user
	 */
	public FnTracesEndpoint(TraceLog log, Show showValues, Set<String> roles) {
		this(log, showValues, roles, new NPlusOneDetector(NPlusOneDetector.DEFAULT_THRESHOLD),
				new SlowCallThresholds(SlowCallThresholds.DEFAULT_THRESHOLD_MS, Map.of()));
	}

	/**
	 * Create an endpoint.
	 * @param log the trace log
	 * @param showValues when returned values are shown
	 * @param roles the roles that may see values when {@link Show#WHEN_AUTHORIZED}; empty
	 * for any authenticated user
	 * @param nPlusOne the N+1 rule
	 * @param slow the slow-call thresholds
	 */
	public FnTracesEndpoint(TraceLog log, Show showValues, Set<String> roles, NPlusOneDetector nPlusOne,
			SlowCallThresholds slow) {
		this(log, showValues, roles, nPlusOne, slow, Map::of);
	}

	/**
	 * Create an endpoint that also shows fntrace's own failures.
	 * @param log the trace log
	 * @param showValues when returned values are shown
	 * @param roles the roles that may see values when {@link Show#WHEN_AUTHORIZED}; empty
	 * for any authenticated user
	 * @param nPlusOne the N+1 rule
	 * @param slow the slow-call thresholds
	 * @param failures how many times fntrace failed, by kind
	 */
	public FnTracesEndpoint(TraceLog log, Show showValues, Set<String> roles, NPlusOneDetector nPlusOne,
			SlowCallThresholds slow, Supplier<Map<String, Long>> failures) {
		this(log, showValues, roles, nPlusOne, slow, failures, null);
	}

	/**
	 * Create an endpoint whose page links each call's distributed trace to the tracing
	 * system's own view of it.
	 * @param log the trace log
	 * @param showValues when returned values are shown
	 * @param roles the roles that may see values when {@link Show#WHEN_AUTHORIZED}; empty
	 * for any authenticated user
	 * @param nPlusOne the N+1 rule
	 * @param slow the slow-call thresholds
	 * @param failures how many times fntrace failed, by kind
	 * @param traceLink the address of a distributed trace, with {@code {traceId}} where
	 * its id goes (for example {@code http://localhost:9411/zipkin/traces/{traceId}}), or
	 * {@code null} to show trace ids without a link
	 */
	public FnTracesEndpoint(TraceLog log, Show showValues, Set<String> roles, NPlusOneDetector nPlusOne,
			SlowCallThresholds slow, Supplier<Map<String, Long>> failures, @Nullable String traceLink) {
		this.page = new FnTracesPage(traceLink);
		this.failures = failures;
		this.log = log;
		this.showValues = showValues;
		this.roles = Set.copyOf(roles);
		this.nPlusOne = nPlusOne;
		this.slow = slow;
	}

	/**
	 * The list of traces as JSON, or the trace viewer page for a browser that asks for
	 * HTML.
	 * @param fn the function name
	 * @param status {@code ok}, {@code error}, {@code rolled_back} or {@code failed}
	 * @param user the user id
	 * @param tenant the tenant id
	 * @param minDurationMs the shortest duration, in milliseconds
	 * @param limit the most traces to return, {@value #DEFAULT_LIMIT} by default
	 * @param after a cursor from an earlier answer: only traces recorded since then
	 * @param slow {@code true} for slow calls only, {@code false} for the others
	 * @param nPlusOne {@code true} for calls with an N+1 finding only, {@code false} for
	 * the others
	 * @param format what the caller accepts; {@code null} (outside the web) for JSON
	 * @param securityContext the caller, for the {@code show-values} policy
	 * @return the page, or the traces and the state of the log
	 */
	@ReadOperation(producesFrom = FnTracesFormat.class)
	public WebEndpointResponse<Object> read(@Nullable String fn, @Nullable String status, @Nullable String user,
			@Nullable String tenant, @Nullable String minDurationMs, @Nullable String limit, @Nullable String after,
			@Nullable String slow, @Nullable String nPlusOne, @Nullable FnTracesFormat format,
			SecurityContext securityContext) {
		if (format == FnTracesFormat.HTML) {
			return new WebEndpointResponse<>(this.page.html(), format);
		}
		FnTracesFormat json = (format != null) ? format : FnTracesFormat.ACTUATOR_V3;
		try {
			FnTracesDescriptor traces = traces(fn, status, user, tenant,
					QueryParameters.decimal("minDurationMs", minDurationMs), QueryParameters.integer("limit", limit),
					QueryParameters.longInteger("after", after), QueryParameters.bool("slow", slow),
					QueryParameters.bool("nPlusOne", nPlusOne), securityContext);
			return new WebEndpointResponse<>(traces, json);
		}
		catch (InvalidEndpointRequestException ex) {
			return new WebEndpointResponse<>(new BadRequestDescriptor(ex.getMessage()),
					WebEndpointResponse.STATUS_BAD_REQUEST, json.getProducedMimeType());
		}
	}

	/**
	 * The newest traces that match the filters.
	 * @param fn the function name
	 * @param status {@code ok}, {@code error}, {@code rolled_back} or {@code failed}
	 * @param user the user id
	 * @param tenant the tenant id
	 * @param minDurationMs the shortest duration, in milliseconds
	 * @param limit the most traces to return, {@value #DEFAULT_LIMIT} by default
	 * @param securityContext the caller, for the {@code show-values} policy
	 * @return the traces and the state of the log
	 */
	public FnTracesDescriptor traces(@Nullable String fn, @Nullable String status, @Nullable String user,
			@Nullable String tenant, @Nullable Double minDurationMs, @Nullable Integer limit,
			SecurityContext securityContext) {
		return traces(fn, status, user, tenant, minDurationMs, limit, null, null, null, securityContext);
	}

	/**
	 * The newest traces that match the filters, recorded after a cursor.
	 * @param fn the function name
	 * @param status {@code ok}, {@code error}, {@code rolled_back} or {@code failed}
	 * @param user the user id
	 * @param tenant the tenant id
	 * @param minDurationMs the shortest duration, in milliseconds
	 * @param limit the most traces to return, {@value #DEFAULT_LIMIT} by default
	 * @param after a cursor from an earlier answer: only traces recorded since then
	 * @param slow {@code true} for slow calls only, {@code false} for the others
	 * @param nPlusOne {@code true} for calls with an N+1 finding only, {@code false} for
	 * the others
	 * @param securityContext the caller, for the {@code show-values} policy
	 * @return the traces and the state of the log
	 */
	public FnTracesDescriptor traces(@Nullable String fn, @Nullable String status, @Nullable String user,
			@Nullable String tenant, @Nullable Double minDurationMs, @Nullable Integer limit, @Nullable Long after,
			@Nullable Boolean slow, @Nullable Boolean nPlusOne, SecurityContext securityContext) {
		TraceQuery filters = query(fn, status, user, tenant, minDurationMs, limit);
		if (after != null && after < 0) {
			throw new InvalidEndpointRequestException("Invalid parameter 'after': must not be negative, was " + after,
					"Invalid after");
		}
		TraceQuery query = new TraceQuery(filters.fn(), filters.status(), filters.user(), filters.tenant(),
				filters.minDurationMs(), filters.limit(), after, insightCondition(slow, nPlusOne));
		long cursor = this.log.cursor();
		List<FnTrace> traces = this.log.find(query);
		boolean showValues = this.showValues.isShown(securityContext, this.roles);
		List<TracedCall> shown = new ArrayList<>(traces.size());
		for (FnTrace trace : traces) {
			shown.add(tracedCall(shown(trace, showValues)));
		}
		return new FnTracesDescriptor(this.log.totalCount(), this.log.capacity(), this.log.size(), this.failures.get(),
				cursor, shown);
	}

	/**
	 * Statistics per function over the traces the log holds, computed in one pass over
	 * the log.
	 * @return the statistics
	 */
	public FnStatisticsDescriptor statistics() {
		FunctionStatisticsCollector collector = new FunctionStatisticsCollector(this.slow);
		this.log.forEach(collector);
		return new FnStatisticsDescriptor(collector.traces(), this.log.totalCount(),
				FunctionStatisticsCollector.HISTOGRAM_BOUNDS_MS, collector.statistics());
	}

	private Predicate<FnTrace> insightCondition(Boolean slow, Boolean nPlusOne) {
		Predicate<FnTrace> condition = null;
		if (slow != null) {
			condition = (trace) -> this.slow.isSlow(trace) == slow;
		}
		if (nPlusOne != null) {
			Predicate<FnTrace> nPlusOneCondition = (trace) -> this.nPlusOne.detect(trace).isEmpty() != nPlusOne;
			condition = (condition != null) ? condition.and(nPlusOneCondition) : nPlusOneCondition;
		}
		return condition;
	}

	private TracedCall tracedCall(FnTrace trace) {
		return new TracedCall(trace, TraceInsights.of(trace, this.nPlusOne, this.slow));
	}

	/**
	 * One trace by its call id, or the {@link #statistics() statistics} for
	 * {@value #STATS}.
	 * <p>
	 * Actuator maps one read operation to {@code /fntraces/{selector}}, so the statistics
	 * share it with the call ids; {@value #STATS} cannot be a call id.
	 * @param callId the call id, or {@value #STATS}
	 * @param securityContext the caller, for the {@code show-values} policy
	 * @return the trace or the statistics, or {@code null} (answered 404) when the log
	 * does not hold the trace
	 */
	@ReadOperation
	public OperationResponseBody traceOrStatistics(@Selector String callId, SecurityContext securityContext) {
		return STATS.equals(callId) ? statistics() : trace(callId, securityContext);
	}

	/**
	 * One trace by its call id.
	 * @param callId the call id
	 * @param securityContext the caller, for the {@code show-values} policy
	 * @return the trace, or {@code null} when the log does not hold it
	 */
	public TracedCall trace(String callId, SecurityContext securityContext) {
		boolean showValues = this.showValues.isShown(securityContext, this.roles);
		return this.log.findByCallId(callId).map((trace) -> tracedCall(shown(trace, showValues))).orElse(null);
	}

	/**
	 * Remove every trace the log holds.
	 * @return how many were removed
	 */
	@DeleteOperation
	public ClearedDescriptor clear() {
		return new ClearedDescriptor(this.log.clear());
	}

	private static TraceQuery query(String fn, String status, String user, String tenant, Double minDurationMs,
			Integer limit) {
		StatusFilter statusFilter = null;
		if (status != null) {
			try {
				statusFilter = StatusFilter.parse(status);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidEndpointRequestException("Invalid parameter 'status': " + ex.getMessage(),
						"Invalid status");
			}
		}
		if (limit != null && limit < 0) {
			throw new InvalidEndpointRequestException("Invalid parameter 'limit': must not be negative, was " + limit,
					"Invalid limit");
		}
		if (minDurationMs != null && (minDurationMs < 0 || minDurationMs.isNaN())) {
			throw new InvalidEndpointRequestException(
					"Invalid parameter 'minDurationMs': must not be negative, was " + minDurationMs,
					"Invalid minDurationMs");
		}
		return new TraceQuery(blankToNull(fn), statusFilter, blankToNull(user), blankToNull(tenant), minDurationMs,
				(limit != null) ? limit : DEFAULT_LIMIT);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

	private static FnTrace shown(FnTrace trace, boolean showValues) {
		if (!showValues && trace.outcome() instanceof FnOutcome.Ok ok && ok.value() != null) {
			return trace.withOutcome(new FnOutcome.Ok(HIDDEN_VALUE));
		}
		return trace;
	}

	/**
	 * The traces that matched a query, with the state of the log.
	 *
	 * @param totalCount how many traces were ever recorded
	 * @param capacity how many traces the log holds at most
	 * @param size how many traces the log holds now
	 * @param failures how many times fntrace itself failed, by kind (each failure was
	 * swallowed: the traced call went on unharmed)
	 * @param cursor pass it as {@code after} to get only the traces recorded since this
	 * answer
	 * @param traces the matching traces, newest first
	 */
	public record FnTracesDescriptor(@JsonProperty("total_count") long totalCount,
			@JsonProperty("capacity") int capacity, @JsonProperty("size") int size,
			@JsonProperty("failures") Map<String, Long> failures, @JsonProperty("cursor") long cursor,
			@JsonProperty("traces") List<TracedCall> traces) implements OperationResponseBody {

	}

	/**
	 * One trace as served: its fields, and its insights under {@code insights}.
	 *
	 * @param trace the trace
	 * @param insights what the insights found in it
	 */
	public record TracedCall(@JsonUnwrapped FnTrace trace,
			@JsonProperty("insights") TraceInsights insights) implements OperationResponseBody {

	}

	/**
	 * Statistics per function.
	 *
	 * @param traces how many traces they cover: the traces the log holds
	 * @param totalCount how many traces were ever recorded
	 * @param histogramBoundsMs the upper bounds of the latency histograms' buckets, in
	 * milliseconds; each histogram has one bucket more, for the rest
	 * @param functions the statistics of each function, the most called first
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record FnStatisticsDescriptor(@JsonProperty("traces") long traces,
			@JsonProperty("total_count") long totalCount,
			@JsonProperty("histogram_bounds_ms") List<Double> histogramBoundsMs,
			@JsonProperty("functions") List<FunctionStatistics> functions) implements OperationResponseBody {

	}

	/**
	 * The answer to a request with a bad parameter: the message names the parameter, and
	 * is the body itself, so that clients see it whatever the application's error
	 * settings.
	 *
	 * @param message what is wrong, naming the parameter
	 */
	public record BadRequestDescriptor(@JsonProperty("message") String message) implements OperationResponseBody {

		/**
		 * The HTTP status.
		 * @return 400
		 */
		@JsonProperty("status")
		public int status() {
			return WebEndpointResponse.STATUS_BAD_REQUEST;
		}

		/**
		 * The HTTP reason phrase.
		 * @return {@code Bad Request}
		 */
		@JsonProperty("error")
		public String error() {
			return "Bad Request";
		}

	}

	/**
	 * The result of clearing the log.
	 *
	 * @param removed how many traces were removed
	 */
	public record ClearedDescriptor(long removed) implements OperationResponseBody {

	}

}
