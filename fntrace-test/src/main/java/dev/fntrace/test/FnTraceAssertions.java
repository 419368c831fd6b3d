package dev.fntrace.test;

import java.util.List;

import dev.fntrace.insight.NPlusOneDetector;
import dev.fntrace.model.FnTrace;

/**
 * Entry points of fntrace's AssertJ assertions:
 * {@code assertThat(traces).call("placeBid").isRolledBack().withCode("BID_TOO_LOW")}.
 * Import them statically next to AssertJ's own {@code assertThat}.
 */
public final class FnTraceAssertions {

	private FnTraceAssertions() {
	}

	/**
	 * Assertions on the calls a test made.
	 * @param traces the test's traces
	 * @return the assertions
	 */
	public static FnTracesAssert assertThat(FnTraceRecorder traces) {
		return new FnTracesAssert(traces);
	}

	/**
	 * Assertions on one traced call, read anywhere (from a {@link FnTraceRecorder}, a
	 * {@link dev.fntrace.log.TraceLog}, a sink). Its N+1 rule has the default threshold
	 * ({@value NPlusOneDetector#DEFAULT_THRESHOLD}), and
	 * {@link FnTraceAssert#hasParent(String)} knows no other call: prefer
	 * {@code assertThat(traces).call(name)} in a test with a {@link FnTraceRecorder}.
	 * @param trace the call's trace
	 * @return the assertions
	 */
	public static FnTraceAssert assertThat(FnTrace trace) {
		return new FnTraceAssert(trace, new NPlusOneDetector(NPlusOneDetector.DEFAULT_THRESHOLD), List::of);
	}

}
