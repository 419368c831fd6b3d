package dev.fntrace;

import java.time.Duration;
import java.util.List;

import dev.fntrace.log.TraceLog;
import dev.fntrace.log.TraceQuery;
import dev.fntrace.model.FnTrace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Reads the one trace of a function from a {@link TraceLog} in tests: at once, or polling
 * for a trace that is finished on another thread.
 */
public final class TraceLogReads {

	private TraceLogReads() {
	}

	/**
	 * The only trace of a function, asserting there is exactly one.
	 * @param log the log
	 * @param fn the function's name
	 * @return the trace
	 */
	public static FnTrace onlyTrace(TraceLog log, String fn) {
		List<FnTrace> traces = traces(log, fn);
		assertThat(traces).hasSize(1);
		return traces.get(0);
	}

	/**
	 * The only trace of a function, polling every 10 ms until one appears, then asserting
	 * there is exactly one; fails when none appears in time.
	 * @param log the log
	 * @param fn the function's name
	 * @param wait how long to wait at most
	 * @return the trace
	 * @throws InterruptedException if interrupted while waiting
	 */
	public static FnTrace awaitOnlyTrace(TraceLog log, String fn, Duration wait) throws InterruptedException {
		long deadline = System.nanoTime() + wait.toNanos();
		List<FnTrace> traces = traces(log, fn);
		while (traces.isEmpty()) {
			if (System.nanoTime() > deadline) {
				fail("no trace of " + fn + " within " + wait);
			}
			Thread.sleep(10);
			traces = traces(log, fn);
		}
		assertThat(traces).hasSize(1);
		return traces.get(0);
	}

	private static List<FnTrace> traces(TraceLog log, String fn) {
		return log.find(new TraceQuery(fn, null, null, null, null, 10));
	}

}
