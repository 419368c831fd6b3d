package dev.fntrace.observation;

import java.util.concurrent.TimeUnit;

import dev.fntrace.capture.CallObserver;
import dev.fntrace.model.FnOutcome;
import dev.fntrace.model.FnTrace;
import dev.fntrace.model.OpTrace;
import dev.fntrace.model.TraceBuilder;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.jspecify.annotations.Nullable;

/**
 * Makes each traced call an {@link Observation} named {@value #NAME}, whose span is
 * current while the function runs (so outgoing calls and other instrumentation nest under
 * it) and is named after the function. Its low-cardinality keys are {@code fn},
 * {@code type} and {@code outcome}; {@code code}, {@code tenant}, {@code call_id} (and
 * {@code user}, only when values may always be shown) are high-cardinality. When the call
 * finishes, its database operations become child spans at their real start and duration
 * (with a {@link Tracer}; without one, events), and the trace and span ids go into the
 * {@link FnTrace}. A scheduled run's span is a child of the span of the call that
 * scheduled it.
 */
public final class FnTraceObservations implements CallObserver {

	/** The name of the observations. */
	public static final String NAME = "fntrace.call";

	private final ObservationRegistry registry;

	private final @Nullable Tracer tracer;

	private final boolean includeUser;

	/**
	 * Create the observer.
	 * @param registry where the observations go
	 * @param tracer makes the child spans of database operations, or {@code null} to
	 * record them as events
	 * @param includeUser whether spans carry the user id
	 */
	public FnTraceObservations(ObservationRegistry registry, @Nullable Tracer tracer, boolean includeUser) {
		this.registry = registry;
		this.tracer = tracer;
		this.includeUser = includeUser;
	}

	@Override
	public void started(TraceBuilder trace, @Nullable Object scheduledBy) {
		Observation observation = Observation.createNotStarted(NAME, this.registry)
			.contextualName(trace.fnName())
			.lowCardinalityKeyValue(ObservationKeys.FN, trace.fnName())
			.lowCardinalityKeyValue(ObservationKeys.TYPE, trace.fnType().jsonName())
			.highCardinalityKeyValue(ObservationKeys.CALL_ID, trace.callId());
		if (trace.tenantId() != null) {
			observation.highCardinalityKeyValue(ObservationKeys.TENANT, trace.tenantId());
		}
		if (this.includeUser && trace.userId() != null) {
			observation.highCardinalityKeyValue(ObservationKeys.USER, trace.userId());
		}
		if (scheduledBy instanceof Observation scheduler) {
			observation.parentObservation(scheduler);
		}
		if (trace.scheduledBy() != null) {
			observation.highCardinalityKeyValue(ObservationKeys.SCHEDULED_BY, trace.scheduledBy());
		}
		trace.attach(observation.start());
	}

	@Override
	public @Nullable Object entered(TraceBuilder trace) {
		return (trace.attachment() instanceof Observation observation) ? observation.openScope() : null;
	}

	@Override
	public void exited(TraceBuilder trace, @Nullable Object entered) {
		if (entered instanceof Observation.Scope scope) {
			scope.close();
		}
	}

	@Override
	public @Nullable FnTrace finished(TraceBuilder trace, @Nullable FnTrace finished, @Nullable Throwable failure) {
		if (!(trace.attachment() instanceof Observation observation)) {
			return finished;
		}
		if (finished == null) {
			observation.lowCardinalityKeyValue(ObservationKeys.OUTCOME, "ok").stop();
			return null;
		}
		FnOutcome outcome = finished.outcome();
		observation.lowCardinalityKeyValue(ObservationKeys.OUTCOME, outcome.status());
		String code = outcome.code();
		if (code != null) {
			observation.highCardinalityKeyValue(ObservationKeys.CODE, code);
		}
		if (failure != null) {
			observation.error(failure);
		}
		Span span = span(observation);
		boolean recording = span != null && !span.isNoop();
		recordOps(observation, recording ? span : null, finished);
		observation.stop();
		if (!recording) {
			return finished;
		}
		TraceContext context = span.context();
		return finished.withSpan(context.traceId(), context.spanId());
	}

	private void recordOps(Observation observation, @Nullable Span span, FnTrace finished) {
		if (finished.ops().isEmpty()) {
			return;
		}
		if (this.tracer == null || span == null) {
			for (OpTrace op : finished.ops()) {
				observation.event(Observation.Event.of(OpSpans.name(op)));
			}
			return;
		}
		long callStartMicros = finished.startedAt() * 1000;
		for (OpTrace op : finished.ops()) {
			long startMicros = callStartMicros + Math.round(op.offsetMs() * 1000);
			Span.Builder builder = this.tracer.spanBuilder()
				.setParent(span.context())
				.name(OpSpans.name(op))
				.startTimestamp(startMicros, TimeUnit.MICROSECONDS);
			OpSpans.tag(builder, op);
			builder.start().end(startMicros + Math.round(op.durationMs() * 1000), TimeUnit.MICROSECONDS);
		}
	}

	private static @Nullable Span span(Observation observation) {
		TracingObservationHandler.TracingContext tracing = observation.getContext()
			.get(TracingObservationHandler.TracingContext.class);
		return (tracing != null) ? tracing.getSpan() : null;
	}

}
