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
	 */
	public TraceRecorder(CallIdGenerator callIds, UserIdResolver users, TenantIdResolver tenants,
			ValueRecorder values, List<? extends TraceSink> sinks, int maxOpsPerTrace, int maxMessageLength,
			TracingFailures failures) {
		this.callIds = callIds;
		this.users = users;
		this.tenants = tenants;
		this.values = values;
		this.sinks = sinks.toArray(TraceSink[]::new);
		this.maxOpsPerTrace = maxOpsPerTrace;
		this.maxMessageLength = maxMessageLength;
		this.failures = failures;
	}

	/**
	 * Start recording a call of a function. Nested in a traced call, the new trace names that call
	 * its parent and inherits its user and tenant.
	 * @param fn the function
	 * @param scheduledBy the id of the call that scheduled this one, or {@code null}
	 * @return the new trace (not yet current), or {@code null} if fntrace failed to start it
	 */
	public TraceBuilder start(FnDescriptor fn, String scheduledBy) {
		try {
			TraceBuilder parent = TraceContext.current();
			String user;
			String tenant;
			if (parent != null) {
				user = parent.userId();
				tenant = parent.tenantId();
			}
			else {
				user = this.users.resolveUserId();
				tenant = this.tenants.resolveTenantId();
			}
			return new TraceBuilder(this.callIds.next(), fn.name(), fn.type(), user, tenant,
					(parent != null) ? parent.callId() : null, scheduledBy, System.currentTimeMillis(),
					System.nanoTime(), this.maxOpsPerTrace);
		}
		catch (RuntimeException | LinkageError ex) {
			this.failures.record("start a trace", ex);
			return null;
		}
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
			if (finished != null) {
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
