package dev.fntrace.observation;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import brave.Tracing;
import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.ThreadLocalCurrentTraceContext;
import brave.propagation.TraceContext;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.brave.bridge.BraveBaggageManager;
import io.micrometer.tracing.brave.bridge.BraveCurrentTraceContext;
import io.micrometer.tracing.brave.bridge.BraveFinishedSpan;
import io.micrometer.tracing.brave.bridge.BraveTracer;
import io.micrometer.tracing.exporter.FinishedSpan;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelFinishedSpan;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.micrometer.tracing.test.simple.SimpleTracer;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;

/**
 * The tracers the observation tests run with: Micrometer's test tracer and the Brave and
 * OpenTelemetry bridges, each with an {@link ObservationRegistry} that makes spans and a
 * way to read the spans it finished.
 *
 * @param name what the tracer is
 * @param tracer the tracer
 * @param registry the observation registry that reports to it
 * @param finished the spans finished so far
 */
record Tracers(String name, Tracer tracer, ObservationRegistry registry, Supplier<List<FinishedSpan>> finished) {

	@Override
	public String toString() {
		return this.name;
	}

	static List<Supplier<Tracers>> all() {
		return List.of(Tracers::simple, Tracers::brave, Tracers::openTelemetry);
	}

	static Tracers simple() {
		SimpleTracer tracer = new SimpleTracer();
		return of("simple", tracer, () -> List.copyOf(tracer.getSpans()));
	}

	static Tracers brave() {
		List<FinishedSpan> spans = new CopyOnWriteArrayList<>();
		Tracing tracing = Tracing.newBuilder()
			.currentTraceContext(ThreadLocalCurrentTraceContext.create())
			.addSpanHandler(new SpanHandler() {

				@Override
				public boolean end(TraceContext context, MutableSpan span, Cause cause) {
					spans.add(BraveFinishedSpan.fromBrave(span));
					return true;
				}

			})
			.build();
		Tracer tracer = new BraveTracer(tracing.tracer(), new BraveCurrentTraceContext(tracing.currentTraceContext()),
				new BraveBaggageManager());
		return of("brave", tracer, () -> List.copyOf(spans));
	}

	static Tracers openTelemetry() {
		InMemorySpanExporter exporter = InMemorySpanExporter.create();
		SdkTracerProvider provider = SdkTracerProvider.builder()
			.setSampler(Sampler.alwaysOn())
			.addSpanProcessor(SimpleSpanProcessor.create(exporter))
			.build();
		OtelCurrentTraceContext context = new OtelCurrentTraceContext();
		Tracer tracer = new OtelTracer(provider.get("fntrace-test"), context, (event) -> {
		}, new OtelBaggageManager(context, List.of(), List.of()));
		return of("opentelemetry", tracer,
				() -> exporter.getFinishedSpanItems().stream().map(OtelFinishedSpan::fromOtel).toList());
	}

	private static Tracers of(String name, Tracer tracer, Supplier<List<FinishedSpan>> finished) {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new DefaultTracingObservationHandler(tracer));
		return new Tracers(name, tracer, registry, finished);
	}

}
