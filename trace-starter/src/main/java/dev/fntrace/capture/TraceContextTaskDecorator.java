package dev.fntrace.capture;

import dev.fntrace.context.TraceContext;
import dev.fntrace.model.TraceBuilder;

import org.springframework.core.task.TaskDecorator;

/**
 * Carries the current trace, and nothing else, to the thread that runs a task, and
 * restores that thread's own afterwards, so that work an executor or an {@code @Async}
 * method does on behalf of a traced call lands in that call's trace. Spring Boot composes
 * it with the application's own {@code TaskDecorator} beans; unlike a
 * {@code ContextPropagatingTaskDecorator} it does not change which other thread-locals
 * the application's executors carry.
 */
public final class TraceContextTaskDecorator implements TaskDecorator {

	@Override
	public Runnable decorate(Runnable runnable) {
		TraceBuilder trace = TraceContext.current();
		if (trace == null) {
			return runnable;
		}
		return () -> {
			TraceBuilder previous = TraceContext.enter(trace);
			try {
				runnable.run();
			}
			finally {
				TraceContext.restore(previous);
			}
		};
	}

}
