package dev.fntrace.capture.scheduling;

import dev.fntrace.capture.FnNames;

import org.springframework.scheduling.support.ScheduledMethodRunnable;

/**
 * Names work handed to a scheduler or executor as traces show it.
 */
final class TaskNames {

	private TaskNames() {
	}

	static String nameOf(Runnable task) {
		if (task instanceof ScheduledRun run) {
			return run.fnName();
		}
		if (task instanceof ScheduledMethodRunnable method) {
			return FnNames.of(method.getTarget().getClass(), method.getMethod());
		}
		Class<?> type = task.getClass();
		String name = type.getName();
		int lambda = name.indexOf("$$Lambda");
		if (lambda > 0) {
			String owner = name.substring(0, lambda);
			return owner.substring(owner.lastIndexOf('.') + 1) + ".lambda";
		}
		String simple = type.getSimpleName();
		return simple.isEmpty() ? name.substring(name.lastIndexOf('.') + 1) : simple;
	}

}
