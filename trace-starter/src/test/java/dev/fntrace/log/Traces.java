package dev.fntrace.log;

import java.util.List;

import dev.fntrace.model.FnOutcome;
import dev.fntrace.model.FnTrace;
import dev.fntrace.model.FnType;

/**
 * Builds {@link FnTrace} values for tests.
 */
final class Traces {

	private String callId = "call-1";

	private String fnName = "placeBid";

	private final FnType fnType = FnType.MUTATION;

	private String userId;

	private String tenantId;

	private long startedAt = 1_700_000_000_000L;

	private double durationMs = 1.0;

	private FnOutcome outcome = FnOutcome.OK;

	private Traces() {
	}

	/**
	 * Start a trace with the given call id and defaults for everything else.
	 * @param callId the call id
	 * @return the builder
	 */
	static Traces trace(String callId) {
		Traces traces = new Traces();
		traces.callId = callId;
		return traces;
	}

	/**
	 * A trace with the given call id and defaults for everything else.
	 * @param callId the call id
	 * @return the trace
	 */
	static FnTrace ok(String callId) {
		return trace(callId).build();
	}

	Traces fn(String fnName) {
		this.fnName = fnName;
		return this;
	}

	Traces user(String userId) {
		this.userId = userId;
		return this;
	}

	Traces tenant(String tenantId) {
		this.tenantId = tenantId;
		return this;
	}

	Traces duration(double durationMs) {
		this.durationMs = durationMs;
		return this;
	}

	Traces outcome(FnOutcome outcome) {
		this.outcome = outcome;
		return this;
	}

	Traces error(String code) {
		return outcome(new FnOutcome.Errored(code, "failed with " + code));
	}

	Traces rolledBack(String code) {
		return outcome(new FnOutcome.RolledBack(code, "rolled back with " + code));
	}

	FnTrace build() {
		return new FnTrace(this.callId, this.fnName, this.fnType, this.userId, this.tenantId, null, null,
				this.startedAt, this.durationMs, this.outcome, List.of(), 0, 0, 0, List.of());
	}

}
