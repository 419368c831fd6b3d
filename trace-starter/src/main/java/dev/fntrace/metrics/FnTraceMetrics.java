package dev.fntrace.metrics;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

import dev.fntrace.log.TraceSink;
import dev.fntrace.model.FnOutcome;
import dev.fntrace.model.FnTrace;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Turns every finished trace into Micrometer meters, all named {@code fntrace.*} so they
 * never meet the meters of Spring Data, Hikari or {@code http.server.requests}:
 * <ul>
 * <li>{@code fntrace.calls}, a timer tagged {@code fn}, {@code type}, {@code status} and
 * {@code code};</li>
 * <li>{@code fntrace.call.ops}, the operations each call ran, tagged {@code fn} and
 * {@code type};</li>
 * <li>{@code fntrace.ops.dropped}, the operations calls ran but their traces could not
 * keep, tagged {@code fn}.</li>
 * </ul>
 * Tags are of low cardinality only: never a user, tenant or call id, and no more than a
 * bounded number of distinct error codes per function (the rest count as
 * {@value ErrorCodes#OTHER}). Meters are cached, so a call costs a map look-up and the
 * recordings.
 */
public final class FnTraceMetrics implements TraceSink {

	/** The name of the timer of calls. */
	public static final String CALLS = "fntrace.calls";

	/** The name of the distribution of operations per call. */
	public static final String OPS_PER_CALL = "fntrace.call.ops";

	/** The name of the counter of dropped operations. */
	public static final String OPS_DROPPED = "fntrace.ops.dropped";

	private final MeterRegistry registry;

	private final ErrorCodes codes;

	private final ConcurrentMap<CallKey, Timer> timers = new ConcurrentHashMap<>();

	private final ConcurrentMap<FnKey, FnMeters> fnMeters = new ConcurrentHashMap<>();

	/**
	 * Create the meters' sink.
	 * @param registry where the meters go
	 * @param maxCodesPerFunction how many distinct error codes one function may show as a
	 * {@code code} tag; later ones are tagged {@value ErrorCodes#OTHER}
	 */
	public FnTraceMetrics(MeterRegistry registry, int maxCodesPerFunction) {
		this.registry = registry;
		this.codes = new ErrorCodes(maxCodesPerFunction);
	}

	@Override
	public void accept(FnTrace trace) {
		String type = (trace.fnType() != null) ? trace.fnType().jsonName() : "action";
		FnOutcome outcome = trace.outcome();
		String code = this.codes.tag(trace.fnName(), outcome.code());
		CallKey callKey = new CallKey(trace.fnName(), type, outcome.status(), code);
		Timer timer = this.timers.get(callKey);
		if (timer == null) {
			timer = this.timers.computeIfAbsent(callKey, this::timer);
		}
		timer.record((long) (trace.durationMs() * 1_000_000), TimeUnit.NANOSECONDS);
		FnKey fnKey = new FnKey(trace.fnName(), type);
		FnMeters meters = this.fnMeters.get(fnKey);
		if (meters == null) {
			meters = this.fnMeters.computeIfAbsent(fnKey, this::fnMeters);
		}
		meters.ops().record(trace.ops().size() + trace.opsDropped());
		if (trace.opsDropped() > 0) {
			meters.dropped().increment(trace.opsDropped());
		}
	}

	private Timer timer(CallKey key) {
		return Timer.builder(CALLS)
			.description("Traced calls of server functions")
			.tag("fn", key.fn())
			.tag("type", key.type())
			.tag("status", key.status())
			.tag("code", key.code())
			.register(this.registry);
	}

	private FnMeters fnMeters(FnKey key) {
		DistributionSummary ops = DistributionSummary.builder(OPS_PER_CALL)
			.description("Database operations run by each traced call")
			.tag("fn", key.fn())
			.tag("type", key.type())
			.register(this.registry);
		Counter dropped = Counter.builder(OPS_DROPPED)
			.description("Operations that traced calls ran but their traces could not keep")
			.tag("fn", key.fn())
			.register(this.registry);
		return new FnMeters(ops, dropped);
	}

	private record CallKey(String fn, String type, String status, String code) {

	}

	private record FnKey(String fn, String type) {

	}

	private record FnMeters(DistributionSummary ops, Counter dropped) {

	}

}
