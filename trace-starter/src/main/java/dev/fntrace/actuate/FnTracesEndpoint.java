package dev.fntrace.actuate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.annotation.JsonProperty;

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
import org.springframework.lang.Nullable;

/**
 * {@link Endpoint @Endpoint} that serves the recent function traces: filtered lists, one trace by
 * call id, and clearing. Returned values are shown as the {@code show-values} policy allows.
 */
@Endpoint(id = "fntraces")
public class FnTracesEndpoint {

	/** How many traces a list returns when the request sets no limit. */
	public static final int DEFAULT_LIMIT = 100;

	static final String HIDDEN_VALUE = "\"******\"";

	private final TraceLog log;

	private final Show showValues;

	private final Set<String> roles;

	private final Supplier<Map<String, Long>> failures;

	/**
	 * Create an endpoint.
	 * @param log the trace log
	 * @param showValues when returned values are shown
	 * @param roles the roles that may see values when {@link Show#WHEN_AUTHORIZED}; empty for any
	 * authenticated user
	 */
	public FnTracesEndpoint(TraceLog log, Show showValues, Set<String> roles) {
		this(log, showValues, roles, Map::of);
	}

	/**
	 * Create an endpoint that also shows fntrace's own failures.
	 * @param log the trace log
	 * @param showValues when returned values are shown
	 * @param roles the roles that may see values when {@link Show#WHEN_AUTHORIZED}; empty for any
	 * authenticated user
	 * @param failures how many times fntrace failed, by kind
	 */
	public FnTracesEndpoint(TraceLog log, Show showValues, Set<String> roles,
			Supplier<Map<String, Long>> failures) {
		this.log = log;
		this.showValues = showValues;
		this.roles = Set.copyOf(roles);
		this.failures = failures;
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
	@ReadOperation
	public FnTracesDescriptor traces(@Nullable String fn, @Nullable String status,
			@Nullable String user, @Nullable String tenant, @Nullable Double minDurationMs,
			@Nullable Integer limit, SecurityContext securityContext) {
		TraceQuery query = query(fn, status, user, tenant, minDurationMs, limit);
		List<FnTrace> traces = this.log.find(query);
		boolean showValues = this.showValues.isShown(securityContext, this.roles);
		List<FnTrace> shown = new ArrayList<>(traces.size());
		for (FnTrace trace : traces) {
			shown.add(shown(trace, showValues));
		}
		return new FnTracesDescriptor(this.log.totalCount(), this.log.capacity(), this.log.size(),
				this.failures.get(), shown);
	}

	/**
	 * One trace by its call id.
	 * @param callId the call id
	 * @param securityContext the caller, for the {@code show-values} policy
	 * @return the trace, or {@code null} (answered 404) when the log does not hold it
	 */
	@ReadOperation
	public FnTrace trace(@Selector String callId, SecurityContext securityContext) {
		boolean showValues = this.showValues.isShown(securityContext, this.roles);
		return this.log.findByCallId(callId).map((trace) -> shown(trace, showValues)).orElse(null);
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
	 * @param totalCount how many traces were ever recorded
	 * @param capacity how many traces the log holds at most
	 * @param size how many traces the log holds now
	 * @param failures how many times fntrace itself failed, by kind (each failure was swallowed:
	 * the traced call went on unharmed)
	 * @param traces the matching traces, newest first
	 */
	public record FnTracesDescriptor(@JsonProperty("total_count") long totalCount,
			@JsonProperty("capacity") int capacity,
			@JsonProperty("size") int size,
			@JsonProperty("failures") Map<String, Long> failures,
			@JsonProperty("traces") List<FnTrace> traces)
			implements OperationResponseBody {

	}

	/**
	 * The result of clearing the log.
	 * @param removed how many traces were removed
	 */
	public record ClearedDescriptor(long removed) implements OperationResponseBody {

	}

}
