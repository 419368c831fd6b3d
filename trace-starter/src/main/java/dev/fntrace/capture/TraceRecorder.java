package dev.fntrace.capture;

import java.util.List;

import org.aopalliance.intercept.MethodInvocation;

import dev.fntrace.capture.identity.TenantIdResolver;
import dev.fntrace.capture.identity.UserIdResolver;
import dev.fntrace.context.TraceContext;
import dev.fntrace.log.TraceSink;
import dev.fntrace.model.BoundedText;
import dev.fntrace.model.FnTrace;
import dev.fntrace.model.FnType;
import dev.fntrace.model.TraceBuilder;
import dev.fntrace.model.TraceLimits;

/**
 * Starts and finishes traces, like Micrometer's {@code ObservedAspect}: start, run the
 * call with its trace current, finish. Who called comes from the identity resolvers (or
 * the enclosing call), the outcome from the {@link OutcomeRules}, and the finished trace
 * goes to every {@link TraceSink}. Shared by every capture point that records a call.
 * Never throws: its own failures go to {@link TracingFailures}.
 */
public class TraceRecorder {

	/** How long a user or tenant id may be before it is cut. */
	public static final int MAX_ID_LENGTH = 128;

	private final CallIdGenerator callIds;

	private final UserIdResolver users;

	private final TenantIdResolver tenants;

	private final TraceLimits limits;

	private final OutcomeRules outcomes;

	private final TraceSinks sinks;

	private final TracingFailures failures;

	private final PendingResultHandler[] pendingResults;

	private final CallObserver observer;

	private final CallClock clock = new CallClock();

	/**
	 * Create a recorder.
	 * @param callIds makes call ids
	 * @param users resolves the user of a top-level call
	 * @param tenants resolves the tenant of a top-level call
	 * @param limits the bounds of each trace
	 * @param outcomes decide how calls ended
	 * @param sinks receive the finished traces
	 * @param failures where fntrace's own failures go
	 * @param pendingResults keep traces open while results that complete later are under
	 * way
	 */
	public TraceRecorder(CallIdGenerator callIds, UserIdResolver users, TenantIdResolver tenants, TraceLimits limits,
			OutcomeRules outcomes, List<? extends TraceSink> sinks, TracingFailures failures,
			List<? extends PendingResultHandler> pendingResults) {
		this(callIds, users, tenants, limits, outcomes, sinks, failures, pendingResults, null);
	}

	/**
	 * Create a recorder whose calls are followed by an observer.
	 * @param callIds makes call ids
	 * @param users resolves the user of a top-level call
	 * @param tenants resolves the tenant of a top-level call
	 * @param limits the bounds of each trace
	 * @param outcomes decide how calls ended
	 * @param sinks receive the finished traces
	 * @param failures where fntrace's own failures go
	 * @param pendingResults keep traces open while results that complete later are under
	 * way
	 * @param observer follows each call as it runs, or {@code null}
	 */
	public TraceRecorder(CallIdGenerator callIds, UserIdResolver users, TenantIdResolver tenants, TraceLimits limits,
			OutcomeRules outcomes, List<? extends TraceSink> sinks, TracingFailures failures,
			List<? extends PendingResultHandler> pendingResults, CallObserver observer) {
		this.observer = observer;
		this.callIds = callIds;
		this.users = users;
		this.tenants = tenants;
		this.limits = limits;
		this.outcomes = outcomes;
		this.sinks = new TraceSinks(sinks, failures);
		this.failures = failures;
		this.pendingResults = pendingResults.toArray(PendingResultHandler[]::new);
	}

	/**
	 * Start recording a call of a function. Nested in a traced call, the new trace names
	 * that call its parent and inherits its user and tenant; started by scheduled work,
	 * it names the scheduling call in {@code scheduled_by} instead.
	 * @param fn the function
	 * @param slot the calling thread's {@link TraceContext} slot
	 * @return the new trace (not yet current), or {@code null} if fntrace failed to start
	 * it
	 */
	TraceBuilder start(FnDescriptor fn, TraceContext.Slot slot) {
		try {
			TraceBuilder parent = slot.current();
			long startNanos = System.nanoTime();
			long startedAt = this.clock.epochMillis(startNanos);
			TraceBuilder trace;
			if (parent == null) {
				trace = new TraceBuilder(this.callIds.prefix(), this.callIds.nextSequence(), fn.name(), fn.type(),
						userId(), tenantId(), null, null, startedAt, startNanos, this.limits);
			}
			else if (parent.isScheduledRun()) {
				parent.addTracedChild();
				trace = new TraceBuilder(this.callIds.prefix(), this.callIds.nextSequence(), fn.name(), fn.type(),
						parent.userId(), parent.tenantId(), null, parent.scheduledBy(), startedAt, startNanos,
						this.limits);
			}
			else {
				trace = new TraceBuilder(this.callIds.prefix(), this.callIds.nextSequence(), fn.name(), fn.type(),
						parent.userId(), parent.tenantId(), parent.callId(), null, startedAt, startNanos, this.limits);
			}
			return observeStart(trace.method(fn.methodName()), null);
		}
		catch (RuntimeException | LinkageError ex) {
			this.failures.record("start a trace", ex);
			return null;
		}
	}

	/**
	 * Start recording work that a call scheduled to run later. Traced calls the work
	 * makes are linked to the scheduling call too; the run's own trace is kept only when
	 * it has something of its own to say (see {@link #finishScheduledRun}).
	 * @param fnName the name the work was scheduled under
	 * @param scheduledBy the scheduling call's id, or {@code null}
	 * @param userId the scheduling call's user, or {@code null}
	 * @param tenantId the scheduling call's tenant, or {@code null}
	 * @return the new trace (not yet current), or {@code null} if fntrace failed to start
	 * it
	 */
	public TraceBuilder startScheduledRun(String fnName, String scheduledBy, String userId, String tenantId) {
		return startScheduledRun(fnName, scheduledBy, userId, tenantId, null);
	}

	/**
	 * Start recording work that a call scheduled to run later, telling the observer what
	 * it attached to the scheduling call.
	 * @param fnName the name the work was scheduled under
	 * @param scheduledBy the scheduling call's id, or {@code null}
	 * @param userId the scheduling call's user, or {@code null}
	 * @param tenantId the scheduling call's tenant, or {@code null}
	 * @param schedulerAttachment the scheduling call's {@link TraceBuilder#attachment()},
	 * or {@code null}
	 * @return the new trace (not yet current), or {@code null} if fntrace failed to start
	 * it
	 */
	public TraceBuilder startScheduledRun(String fnName, String scheduledBy, String userId, String tenantId,
			Object schedulerAttachment) {
		try {
			long startNanos = System.nanoTime();
			return observeStart(
					new TraceBuilder(this.callIds.prefix(), this.callIds.nextSequence(), fnName, FnType.ACTION, userId,
							tenantId, null, scheduledBy, this.clock.epochMillis(startNanos), startNanos, this.limits)
						.scheduledRun(),
					schedulerAttachment);
		}
		catch (RuntimeException | LinkageError ex) {
			this.failures.record("start a trace", ex);
			return null;
		}
	}

	private TraceBuilder observeStart(TraceBuilder trace, Object scheduledBy) {
		if (this.observer != null) {
			try {
				this.observer.started(trace, scheduledBy);
			}
			catch (RuntimeException | LinkageError ex) {
				this.failures.record("observe a call", ex);
			}
		}
		return trace;
	}

	/**
	 * Tell the observer, if any, that a call is about to run on this thread.
	 * @param trace the call's trace
	 * @return what {@link #exited} needs, or {@code null}
	 */
	public Object entered(TraceBuilder trace) {
		if (this.observer == null) {
			return null;
		}
		try {
			return this.observer.entered(trace);
		}
		catch (RuntimeException | LinkageError ex) {
			this.failures.record("observe a call", ex);
			return null;
		}
	}

	/**
	 * Tell the observer, if any, that a call stopped running on this thread.
	 * @param trace the call's trace
	 * @param entered what {@link #entered} returned
	 */
	public void exited(TraceBuilder trace, Object entered) {
		if (this.observer != null) {
			try {
				this.observer.exited(trace, entered);
			}
			catch (RuntimeException | LinkageError ex) {
				this.failures.record("observe a call", ex);
			}
		}
	}

	private FnTrace observeFinish(TraceBuilder trace, FnTrace finished, Throwable failure) {
		if (this.observer == null) {
			return finished;
		}
		try {
			return this.observer.finished(trace, finished, failure);
		}
		catch (RuntimeException | LinkageError ex) {
			this.failures.record("observe a call", ex);
			return finished;
		}
	}

	private String userId() {
		try {
			return BoundedText.cut(this.users.resolveUserId(), MAX_ID_LENGTH);
		}
		catch (RuntimeException | LinkageError ex) {
			this.failures.record("resolve the user id", ex);
			return null;
		}
	}

	private String tenantId() {
		try {
			return BoundedText.cut(this.tenants.resolveTenantId(), MAX_ID_LENGTH);
		}
		catch (RuntimeException | LinkageError ex) {
			this.failures.record("resolve the tenant id", ex);
			return null;
		}
	}

	/**
	 * Run a method call with its trace current on this thread, then finish the trace
	 * (now, or when a pending result completes). The call's result or exception passes
	 * through unchanged.
	 * @param trace the call's trace
	 * @param invocation the call
	 * @param slot the calling thread's {@link TraceContext} slot
	 * @return what the call returned
	 * @throws Throwable what the call threw
	 */
	Object record(TraceBuilder trace, MethodInvocation invocation, TraceContext.Slot slot) throws Throwable {
		TraceBuilder previous = slot.enter(trace);
		Object entered = entered(trace);
		Object result;
		try {
			result = invocation.proceed();
		}
		catch (Throwable ex) {
			exited(trace, entered);
			slot.restore(previous);
			finish(trace, null, ex);
			throw ex;
		}
		exited(trace, entered);
		slot.restore(previous);
		finishReturned(trace, result);
		return result;
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
	 * Finish a call and hand its trace to the sinks, with the outcome the
	 * {@link OutcomeRules} decide.
	 * @param trace the trace of the call
	 * @param value what the call returned, or {@code null}
	 * @param failure what the call threw, or {@code null} if it returned
	 */
	public void finish(TraceBuilder trace, Object value, Throwable failure) {
		long end = System.nanoTime();
		try {
			FnTrace finished = trace.finish(this.outcomes.outcome(trace, value, failure), end);
			if (finished != null) {
				finished = observeFinish(trace, finished, failure);
			}
			if (finished != null) {
				this.sinks.deliver(finished);
			}
		}
		catch (RuntimeException | LinkageError ex) {
			this.failures.record("finish a trace", ex);
		}
	}

	/**
	 * Finish the run of scheduled work. Its trace is kept unless the work only called
	 * traced functions (their traces already say all, and name the scheduling call) and
	 * returned.
	 * @param trace the run's trace
	 * @param failure what the work threw, or {@code null} if it returned
	 */
	public void finishScheduledRun(TraceBuilder trace, Throwable failure) {
		try {
			if (failure == null && trace.onlyWrapsTracedCalls()) {
				trace.discard();
				observeFinish(trace, null, null);
				return;
			}
		}
		catch (RuntimeException | LinkageError ex) {
			this.failures.record("finish a trace", ex);
		}
		finish(trace, null, failure);
	}

	/**
	 * The rules that decide outcomes, for capture points that describe failures.
	 * @return the outcome rules
	 */
	public OutcomeRules outcomes() {
		return this.outcomes;
	}

}
