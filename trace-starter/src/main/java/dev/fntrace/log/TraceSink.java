package dev.fntrace.log;

import dev.fntrace.model.FnTrace;

/**
 * Receives every finished {@link FnTrace}. The {@link TraceLog} is one sink; metrics and
 * export are others. A sink runs on the thread that finished the call, so it must be
 * quick; an exception it throws is logged and does not reach the traced call.
 */
@FunctionalInterface
public interface TraceSink {

	/**
	 * Accept a finished trace.
	 * @param trace the trace
	 */
	void accept(FnTrace trace);

}
