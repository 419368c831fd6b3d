package dev.fntrace.test;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import dev.fntrace.model.FnTrace;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the calls one test made, as a {@link FnTraceRecorder} holds them: pick
 * one call by its function's name and assert on it, or assert on all of them. A failure
 * lists the calls the test made.
 */
public class FnTracesAssert extends AbstractAssert<FnTracesAssert, FnTraceRecorder> {

	FnTracesAssert(FnTraceRecorder actual) {
		super(actual, FnTracesAssert.class);
	}

	/**
	 * The one call of a function the test made.
	 * @param fnName the function's name
	 * @return assertions on that call
	 * @throws AssertionError if the test made no call of it, or more than one
	 */
	public FnTraceAssert call(String fnName) {
		isNotNull();
		List<FnTrace> calls = this.actual.calls(fnName);
		if (calls.size() != 1) {
			failWithCalls("one call " + fnName, (calls.isEmpty() ? "there was none" : "there were " + calls.size()));
		}
		return callAssert(calls.get(0));
	}

	/**
	 * The last call of a function the test made, the one that finished last.
	 * @param fnName the function's name
	 * @return assertions on that call
	 * @throws AssertionError if the test made no call of it
	 */
	public FnTraceAssert lastCall(String fnName) {
		isNotNull();
		List<FnTrace> calls = this.actual.calls(fnName);
		if (calls.isEmpty()) {
			failWithCalls("a call " + fnName, "there was none");
		}
		return callAssert(calls.get(calls.size() - 1));
	}

	/**
	 * Wait, at most {@link FnTraceRecorder#DEFAULT_TIMEOUT}, for a call of a function
	 * that finishes on another thread, such as a scheduled run.
	 * @param fnName the function's name
	 * @return assertions on the first call of it
	 * @throws AssertionError if none finished in time
	 */
	public FnTraceAssert awaitCall(String fnName) {
		return awaitCall(fnName, FnTraceRecorder.DEFAULT_TIMEOUT);
	}

	/**
	 * Wait for a call of a function that finishes on another thread.
	 * @param fnName the function's name
	 * @param timeout how long to wait at most
	 * @return assertions on the first call of it
	 * @throws AssertionError if none finished in time
	 */
	public FnTraceAssert awaitCall(String fnName, Duration timeout) {
		isNotNull();
		return callAssert(this.actual.awaitCall(fnName, timeout));
	}

	/**
	 * Wait for a call of a function that matches a condition and finishes on another
	 * thread.
	 * @param fnName the function's name
	 * @param matching the condition, for example on {@link FnTrace#scheduledBy()}
	 * @param timeout how long to wait at most
	 * @return assertions on the first call of it that matches
	 * @throws AssertionError if none finished in time
	 */
	public FnTraceAssert awaitCall(String fnName, Predicate<? super FnTrace> matching, Duration timeout) {
		isNotNull();
		return callAssert(this.actual.awaitCall(fnName, matching, timeout));
	}

	/**
	 * Verify how many calls of a function the test made.
	 * @param fnName the function's name
	 * @param count the exact count
	 * @return this
	 */
	public FnTracesAssert hasCallCount(String fnName, int count) {
		isNotNull();
		int calls = this.actual.calls(fnName).size();
		if (calls != count) {
			failWithCalls(count + ((count != 1) ? " calls " : " call ") + fnName, "there were " + calls);
		}
		return this;
	}

	/**
	 * Verify that the test made no call of a function.
	 * @param fnName the function's name
	 * @return this
	 */
	public FnTracesAssert hasNoCall(String fnName) {
		return hasCallCount(fnName, 0);
	}

	/**
	 * Verify that no call the test made has an N+1, by the trace viewer's rule.
	 * @return this
	 */
	public FnTracesAssert hasNoNPlusOne() {
		allCalls().haveNoNPlusOne();
		return this;
	}

	/**
	 * Assertions on every call the test made.
	 * @return assertions on the calls, in the order they finished
	 */
	public FnTraceListAssert allCalls() {
		isNotNull();
		return described(new FnTraceListAssert(this.actual.traces(), this.actual.nPlusOneDetector(),
				this.actual::traces, this.actual.evicted()));
	}

	/**
	 * Assertions on every call of a function the test made.
	 * @param fnName the function's name
	 * @return assertions on its calls, in the order they finished
	 */
	public FnTraceListAssert calls(String fnName) {
		isNotNull();
		return described(new FnTraceListAssert(this.actual.calls(fnName), this.actual.nPlusOneDetector(),
				this.actual::traces, this.actual.evicted()));
	}

	private FnTraceAssert callAssert(FnTrace trace) {
		return described(new FnTraceAssert(trace, this.actual.nPlusOneDetector(), this.actual::traces));
	}

	private <A extends AbstractAssert<A, ?>> A described(A assertion) {
		return this.info.hasDescription() ? assertion.as(this.info.description()) : assertion;
	}

	private void failWithCalls(String expectation, String found) {
		failWithMessage("%s", "Expected " + expectation + " but " + found + ".\n"
				+ TraceDescriptions.calls(this.actual.traces(), this.actual.evicted()));
	}

}
