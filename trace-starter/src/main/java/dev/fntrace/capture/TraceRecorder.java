package dev.fntrace.capture;

import java.lang.reflect.UndeclaredThrowableException;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import dev.fntrace.CodedError;
import dev.fntrace.capture.identity.TenantIdResolver;
import dev.fntrace.capture.identity.UserIdResolver;
import dev.fntrace.log.TraceSink;
import dev.fntrace.model.FnOutcome;
import dev.fntrace.model.FnTrace;
import dev.fntrace.model.FnType;
import dev.fntrace.model.TraceBuilder;

/**
 * Starts and finishes traces: decides who called, the outcome, and hands every finished trace to
 * the {@link TraceSink sinks}. Shared by every capture point that records a call. Never throws:
 * its own failures go to {@link TracingFailures}.
 */
public class TraceRecorder {

	private final CallIdGenerator callIds;

	private final UserIdResolver users;

	private final TenantIdResolver tenants;

	private final ValueRecorder values;

	private final TraceSink[] sinks;

	private final int maxOpsPerTrace;

	private final int maxMessageLength;

	private final TracingFailures failures;

	private final PendingResultHandler[] pendingResults;

	/**
	 * Create a recorder.
	 * @param callIds makes call ids
	 * @param users resolves the user of a top-level call
	 * @param tenants resolves the tenant of a top-level call
	 * @param values writes returned values as JSON, or {@code null} to record no values
	 * @param sinks receive the finished traces
	 * @param maxOpsPerTrace how many operations a trace keeps at most
	 * @param maxMessageLength how long an error message may be before it is cut
	 * @param failures where fntrace's own failures go
	 * @param pendingResults keep traces open while results that complete later are under way
	 */
	public TraceRecorder(CallIdGenerator callIds, UserIdResolver users, TenantIdResolver tenants,
			ValueRecorder values, List<? extends TraceSink> sinks, int maxOpsPerTrace, int maxMessageLength,
			TracingFailures failures, List<? extends PendingResultHandler> pendingResults) {
		this.callIds = callIds;
		this.users = users;
		this.tenants = tenants;
		this.values = values;
		this.sinks = sinks.toArray(TraceSink[]::new);
		this.maxOpsPerTrace = maxOpsPerTrace;
		this.maxMessageLength = maxMessageLength;
		this.failures = failures;
		this.pendingResults = pendingResults.toArray(PendingResultHandler[]::new);
	}

	/**
	 * Start recording a call of a function. Nested in a traced call, the new trace names that call
	 * its parent and inherits its user and tenant.
	 * @param fn the function
	 * @return the new trace (not yet current), or {@code null} if fntrace failed to start it
	 */
	public TraceBuilder start(FnDescriptor fn) {
		try {
			TraceBuilder parent = TraceContext.current();
			String user;
			String tenant;
			if (parent != null && parent.isProvisional() && parent.tryAdopt()) {
				return new TraceBuilder(this.callIds.next(), fn.name(), fn.type(), parent.userId(), parent.tenantId(),
						null, parent.scheduledBy(), System.currentTimeMillis(), System.nanoTime(),
						this.maxOpsPerTrace);
			}
			if (parent != null) {
				user = parent.userId();
				tenant = parent.tenantId();
			}
			else {
				user = this.users.resolveUserId();
				tenant = this.tenants.resolveTenantId();
			}
			return new TraceBuilder(this.callIds.next(), fn.name(), fn.type(), user, tenant,
					(parent != null) ? parent.callId() : null, null, System.currentTimeMillis(),
					System.nanoTime(), this.maxOpsPerTrace);
		}
		catch (RuntimeException | LinkageError ex) {
			this.failures.record("start a trace", ex);
			return null;
		}
	}

	/**
	 * Start recording work that a call scheduled to run later, as a provisional trace: a traced
	 * function the work calls first takes its place (see {@link TraceBuilder#markProvisional()}).
	 * @param fnName the name the work was scheduled under
	 * @param scheduledBy the scheduling call's id, or {@code null}
	 * @param userId the scheduling call's user, or {@code null}
	 * @param tenantId the scheduling call's tenant, or {@code null}
	 * @return the new trace (not yet current), or {@code null} if fntrace failed to start it
	 */
	public TraceBuilder startScheduledRun(String fnName, String scheduledBy, String userId, String tenantId) {
		try {
			return new TraceBuilder(this.callIds.next(), fnName, FnType.ACTION, userId, tenantId, null, scheduledBy,
					System.currentTimeMillis(), System.nanoTime(), this.maxOpsPerTrace)
				.markProvisional();
		}
		catch (RuntimeException | LinkageError ex) {
			this.failures.record("start a trace", ex);
			return null;
		}
	}

	/**
	 * Run a call with its trace current on this thread, then finish the trace (now, or when a
	 * pending result completes). The call's result or exception passes through unchanged.
	 * @param trace the call's trace
	 * @param call the call
	 * @return what the call returned
	 * @throws Throwable what the call threw
	 */
	public Object record(TraceBuilder trace, TracedCall call) throws Throwable {
		TraceBuilder previous = TraceContext.enter(trace);
		Object result;
		try {
			result = call.proceed();
		}
		catch (Throwable ex) {
			TraceContext.restore(previous);
			finish(trace, null, ex);
			throw ex;
		}
		TraceContext.restore(previous);
		finishReturned(trace, result);
		return result;
	}

	/**
	 * A call to record.
	 */
	@FunctionalInterface
	public interface TracedCall {

		/**
		 * Make the call.
		 * @return what it returned
		 * @throws Throwable what it threw
		 */
		Object proceed() throws Throwable;

	}

	/**
	 * Finish a call that returned: now, or when its result completes if a
	 * {@link PendingResultHandler} knows the result's kind.
	 * @param trace the trace of the call
	 * @param result what the call returned, or {@code null}
	 */
	public void finishReturned(TraceBuilder trace, Object result) {
		if (result != null) {
			for (PendingResultHandler handler : this.pendingResults) {
				try {
					if (handler.finishOnCompletion(result, trace, this)) {
						return;
					}
				}
				catch (RuntimeException | LinkageError ex) {
					this.failures.record("watch a pending result", ex);
				}
			}
		}
		finish(trace, result, null);
	}

	/**
	 * Finish a call and hand its trace to the sinks. The outcome follows the rules: a rollback of
	 * the call's own transaction makes it {@code rolled_back}; else a failure makes it
	 * {@code error}; else it is {@code ok}.
	 * @param trace the trace of the call
	 * @param value what the call returned, or {@code null}
	 * @param failure what the call threw, or {@code null} if it returned
	 */
	public void finish(TraceBuilder trace, Object value, Throwable failure) {
		long end = System.nanoTime();
		try {
			FnTrace finished = trace.finish(outcome(trace, value, failure), end);
			if (finished != null && !(trace.isProvisional() && trace.isRedundant() && !finished.outcome().isFailure())) {
				for (TraceSink sink : this.sinks) {
					deliver(sink, finished);
				}
			}
		}
		catch (RuntimeException | LinkageError ex) {
			this.failures.record("finish a trace", ex);
		}
	}

	private FnOutcome outcome(TraceBuilder trace, Object value, Throwable failure) {
		FnOutcome.RolledBack rollback = trace.rollback();
		if (failure != null) {
			Throwable cause = unwrap(failure);
			String code = codeOf(cause);
			String message = truncate(cause.getMessage());
			return (rollback != null) ? new FnOutcome.RolledBack(code, message) : new FnOutcome.Error(code, message);
		}
		if (rollback != null) {
			return rollback;
		}
		return (value != null && this.values != null) ? new FnOutcome.Ok(valueJson(value)) : FnOutcome.OK;
	}

	/**
	 * The code of a failure: the {@link CodedError#code() code} it carries, else its simple class
	 * name.
	 * @param failure the failure
	 * @return the code
	 */
	public String codeOf(Throwable failure) {
		if (failure instanceof CodedError coded && coded.code() != null) {
			return coded.code();
		}
		String name = failure.getClass().getSimpleName();
		return name.isEmpty() ? failure.getClass().getName() : name;
	}

	/**
	 * Cut a message to the configured length.
	 * @param message the message, or {@code null}
	 * @return the message, cut, or {@code null}
	 */
	public String truncate(String message) {
		if (message == null || message.length() <= this.maxMessageLength) {
			return message;
		}
		return message.substring(0, this.maxMessageLength) + "…";
	}

	private String valueJson(Object value) {
		try {
			String json = this.values.toJson(value);
			if (json != null && json.length() > this.maxMessageLength * 4) {
				return JsonStrings.quote(json.substring(0, this.maxMessageLength * 4) + "…");
			}
			return json;
		}
		catch (Exception | LinkageError ex) {
			this.failures.record("record a returned value", ex);
			return null;
		}
	}

	private void deliver(TraceSink sink, FnTrace trace) {
		try {
			sink.accept(trace);
		}
		catch (RuntimeException | LinkageError ex) {
			this.failures.record("hand a trace to " + sink.getClass().getName(), ex);
		}
	}

	static Throwable unwrap(Throwable failure) {
		Throwable current = failure;
		while ((current instanceof CompletionException || current instanceof ExecutionException
				|| current instanceof UndeclaredThrowableException) && current.getCause() != null) {
			current = current.getCause();
		}
		return current;
	}

}
