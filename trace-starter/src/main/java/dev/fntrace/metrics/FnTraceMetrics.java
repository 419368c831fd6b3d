package dev.fntrace.metrics;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.fntrace.log.TraceSink;
import dev.fntrace.model.FnOutcome;
import dev.fntrace.model.FnTrace;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.util.function.SingletonSupplier;

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
	 * The meters of each function by its name alone, for the type it was first seen with:
	 * a call of that type finds them by a string already hashed, with no key to make.
	 */
	private final ConcurrentMap<String, FnMeters> byName = new ConcurrentHashMap<>();

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
		FnMeters meters = meters(trace.fnName(), type);
		FnOutcome outcome = trace.outcome();
		Timer timer = (outcome instanceof FnOutcome.Ok) ? meters.okTimer()
				: failureTimer(trace.fnName(), type, outcome);
		timer.record((long) (trace.durationMs() * 1_000_000), TimeUnit.NANOSECONDS);
		meters.ops().record(trace.ops().size() + trace.opsDropped());
		if (trace.opsDropped() > 0) {
			meters.dropped().increment(trace.opsDropped());
		}
	}

	private FnMeters meters(String fn, String type) {
		FnMeters meters = this.byName.get(fn);
		if (meters != null && meters.key().type().equals(type)) {
			return meters;
		}
		FnKey key = new FnKey(fn, type);
		meters = this.fnMeters.get(key);
		if (meters == null) {
			meters = this.fnMeters.computeIfAbsent(key, this::fnMeters);
			this.byName.putIfAbsent(fn, meters);
		}
		return meters;
	}

	private Timer failureTimer(String fn, String type, FnOutcome outcome) {
		CallKey callKey = new CallKey(fn, type, outcome.status(), this.codes.tag(fn, outcome.code()));
		Timer timer = this.timers.get(callKey);
		return (timer != null) ? timer : this.timers.computeIfAbsent(callKey, this::timer);
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
		return new FnMeters(key, ops, dropped,
				() -> timer(new CallKey(key.fn(), key.type(), FnOutcome.OK.status(), ErrorCodes.NONE)));
	}

	private record CallKey(String fn, String type, String status, String code) {

	}

	private record FnKey(String fn, String type) {

	}

	/**
	 * The meters of one function and type, with the timer of its calls that returned,
	 * registered by the first of them (a function that never returns shows no such
	 * timer).
	 */
	private static final class FnMeters {

		private final FnKey key;

		private final DistributionSummary ops;

		private final Counter dropped;

		private final Supplier<Timer> okTimer;

		FnMeters(FnKey key, DistributionSummary ops, Counter dropped, Supplier<Timer> okTimer) {
			this.key = key;
			this.ops = ops;
			this.dropped = dropped;
			this.okTimer = SingletonSupplier.of(okTimer);
		}

		FnKey key() {
			return this.key;
		}

		DistributionSummary ops() {
			return this.ops;
		}

		Counter dropped() {
			return this.dropped;
		}

		Timer okTimer() {
			return this.okTimer.get();
		}

	}

}
