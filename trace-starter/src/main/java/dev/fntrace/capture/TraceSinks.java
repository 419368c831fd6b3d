package dev.fntrace.capture;

import java.util.List;

import dev.fntrace.log.TraceSink;
import dev.fntrace.model.FnTrace;

/**
 * Hands every finished trace to each sink, so that one failing sink neither stops the
 * others nor reaches the traced call.
 */
final class TraceSinks {

	private final TraceSink[] sinks;

	private final TracingFailures failures;

	TraceSinks(List<? extends TraceSink> sinks, TracingFailures failures) {
		this.sinks = sinks.toArray(TraceSink[]::new);
		this.failures = failures;
	}

	void deliver(FnTrace trace) {
		for (TraceSink sink : this.sinks) {
			try {
				sink.accept(trace);
			}
			catch (RuntimeException | LinkageError ex) {
				this.failures.record("hand a trace to " + sink.getClass().getName(), ex);
			}
		}
	}

}
