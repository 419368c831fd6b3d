package dev.fntrace.capture.scheduling;

import dev.fntrace.context.TraceContext;
import dev.fntrace.capture.TraceRecorder;
import dev.fntrace.model.TraceBuilder;

/**
 * Work scheduled by a call, run later with its own trace that names the scheduling call
 * in {@code scheduled_by} and keeps its user and tenant. Every traced function the work
 * calls names the scheduling call too; the run's own trace is kept only when it has
 * something to add to theirs (see {@link TraceRecorder#finishScheduledRun}).
 */
final class ScheduledRun implements Runnable {

	private final TraceRecorder recorder;

	private final String fnName;

	private final String scheduledBy;

	private final String userId;

	private final String tenantId;

	private final Runnable task;

	private final Object schedulerAttachment;

	ScheduledRun(TraceRecorder recorder, String fnName, TraceBuilder scheduler, Runnable task) {
		this.recorder = recorder;
		this.fnName = fnName;
		this.scheduledBy = (scheduler != null) ? scheduler.callId() : null;
		this.userId = (scheduler != null) ? scheduler.userId() : null;
		this.tenantId = (scheduler != null) ? scheduler.tenantId() : null;
		this.task = task;
		this.schedulerAttachment = (scheduler != null) ? scheduler.attachment() : null;
	}

	String fnName() {
		return this.fnName;
	}

	@Override
	public void run() {
		TraceBuilder trace = this.recorder.startScheduledRun(this.fnName, this.scheduledBy, this.userId, this.tenantId,
				this.schedulerAttachment);
		if (trace == null) {
			this.task.run();
			return;
		}
		TraceBuilder previous = TraceContext.enter(trace);
		Object entered = this.recorder.entered(trace);
		Throwable failure = null;
		try {
			this.task.run();
		}
		catch (RuntimeException | Error ex) {
			failure = ex;
			throw ex;
		}
		finally {
			this.recorder.exited(trace, entered);
			TraceContext.restore(previous);
			this.recorder.finishScheduledRun(trace, failure);
		}
	}

	@Override
	public String toString() {
		return "ScheduledRun[" + this.fnName + "]";
	}

}
