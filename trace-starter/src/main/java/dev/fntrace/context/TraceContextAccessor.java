package dev.fntrace.context;

import io.micrometer.context.ThreadLocalAccessor;

import dev.fntrace.model.TraceBuilder;

/**
 * Lets Micrometer's context-propagation carry the current trace across threads
 * ({@code ContextPropagatingTaskDecorator}, {@code @Async}, Reactor), so work done on
 * behalf of a traced call lands in that call's trace. Registered through
 * {@code ServiceLoader}.
 */
public final class TraceContextAccessor implements ThreadLocalAccessor<TraceBuilder> {

	/** The key under which the trace travels in a context snapshot. */
	public static final String KEY = "dev.fntrace.trace";

	@Override
	public Object key() {
		return KEY;
	}

	@Override
	public TraceBuilder getValue() {
		return TraceContext.current();
	}

	@Override
	public void setValue(TraceBuilder value) {
		TraceContext.enter(value);
	}

	@Override
	public void setValue() {
		TraceContext.restore(null);
	}

}
