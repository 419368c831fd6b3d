package dev.fntrace.test;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.fntrace.insight.NPlusOneDetector;
import dev.fntrace.insight.NPlusOneFinding;
import dev.fntrace.model.DbOp;
import dev.fntrace.model.FnTrace;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on several traced calls at once, such as every call a test made. A failure
 * names the first call that does not pass, with the ops it ran.
 */
public class FnTraceListAssert extends AbstractAssert<FnTraceListAssert, List<FnTrace>> {

	private final NPlusOneDetector nPlusOne;

	private final Supplier<List<FnTrace>> otherCalls;

	private final long evicted;

	FnTraceListAssert(List<FnTrace> actual, NPlusOneDetector nPlusOne, Supplier<List<FnTrace>> otherCalls,
			long evicted) {
		super(actual, FnTraceListAssert.class);
		this.nPlusOne = nPlusOne;
		this.otherCalls = otherCalls;
		this.evicted = evicted;
	}

	/**
	 * Verify how many calls there are.
	 * @param count the exact count
	 * @return this
	 */
	public FnTraceListAssert hasSize(int count) {
		isNotNull();
		if (this.actual.size() != count) {
			failWithMessage("%s", "Expected " + count + ((count != 1) ? " calls" : " call") + " but there "
					+ ((this.actual.size() != 1) ? "were " : "was ") + this.actual.size()
					+ (this.actual.isEmpty() ? "." : ":") + TraceDescriptions.list(this.actual) + evictedNote());
		}
		return this;
	}

	/**
	 * Verify that there are no calls.
	 * @return this
	 */
	public FnTraceListAssert isEmpty() {
		return hasSize(0);
	}

	/**
	 * Verify that there is at least one call, so that the assertions on every call say
	 * something.
	 * @return this
	 */
	public FnTraceListAssert isNotEmpty() {
		isNotNull();
		if (this.actual.isEmpty()) {
			failWithMessage("%s", "Expected calls but there were none." + evictedNote());
		}
		return this;
	}

	/**
	 * Verify that no call has an N+1, by the trace viewer's rule.
	 * @return this
	 */
	public FnTraceListAssert haveNoNPlusOne() {
		isNotNull();
		for (FnTrace trace : this.actual) {
			List<NPlusOneFinding> findings = this.nPlusOne.detect(trace);
			if (!findings.isEmpty()) {
				failFor(trace, "no call to have an N+1", "call " + trace.fnName() + " "
						+ FnTraceAssert.nPlusOneFindings(findings, this.nPlusOne).substring("it ".length()));
			}
		}
		return this;
	}

	/**
	 * Verify that every call was ok.
	 * @return this
	 */
	public FnTraceListAssert areOk() {
		isNotNull();
		for (FnTrace trace : this.actual) {
			if (trace.outcome().isFailure()) {
				failFor(trace, "every call to be ok",
						"call " + trace.fnName() + " was " + TraceDescriptions.outcome(trace.outcome()));
			}
		}
		return this;
	}

	/**
	 * Verify that no call ran more than a number of operations of a kind.
	 * @param count the most each call may run
	 * @param op the kind
	 * @return this
	 */
	public FnTraceListAssert haveRunAtMost(int count, DbOp op) {
		isNotNull();
		for (FnTrace trace : this.actual) {
			long ran = trace.ops().stream().filter((candidate) -> candidate.op() == op).count();
			if (ran > count) {
				failFor(trace, "every call to run at most " + TraceDescriptions.count(count, op),
						"call " + trace.fnName() + " ran " + ran);
			}
		}
		return this;
	}

	/**
	 * Verify that every call satisfies some assertions.
	 * @param requirements the assertions, on one call
	 * @return this
	 */
	public FnTraceListAssert each(Consumer<FnTraceAssert> requirements) {
		isNotNull();
		for (FnTrace trace : this.actual) {
			FnTraceAssert call = new FnTraceAssert(trace, this.nPlusOne, this.otherCalls);
			requirements.accept(this.info.hasDescription() ? call.as(this.info.description()) : call);
		}
		return this;
	}

	private String evictedNote() {
		return (this.evicted > 0)
				? "\n" + this.evicted + " calls of the test were evicted from the log: raise fntrace.capacity." : "";
	}

	private void failFor(FnTrace trace, String expectation, String found) {
		failWithMessage("%s", "Expected " + expectation + " but " + found + ".\n" + "It ended "
				+ TraceDescriptions.outcome(trace.outcome()) + ". " + TraceDescriptions.work(trace));
	}

}
