package dev.fntrace.benchmarks;

import java.util.Set;
import java.util.concurrent.TimeUnit;

import dev.fntrace.actuate.FnTracesEndpoint;
import dev.fntrace.actuate.FnTracesEndpoint.FnTracesDescriptor;
import dev.fntrace.log.InMemoryTraceLog;
import dev.fntrace.model.FnTrace;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.Show;

/**
 * How long an endpoint query takes over a full log of 10 000 traces while two threads
 * push new ones. The query asks for one function's failed calls, at most 100: one trace
 * in 200 matches, so it walks the whole log. Sampled, for the percentiles.
 * {@code queryAlone} runs the same query with nothing pushing.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TraceQueryBenchmark {

	static final int CAPACITY = 10_000;

	static final int FUNCTIONS = 10;

	private final InMemoryTraceLog log = new InMemoryTraceLog(CAPACITY);

	private final FnTracesEndpoint endpoint = new FnTracesEndpoint(this.log, Show.NEVER, Set.of());

	private final FnTrace[] traces = new FnTrace[CAPACITY];

	@Setup(Level.Trial)
	public void fill() {
		SampleTraces samples = new SampleTraces();
		for (int i = 0; i < CAPACITY; i++) {
			// every 20th round of the ten functions fails: one trace in 200 is fn3 and
			// failed
			this.traces[i] = samples.trace("fn" + (i % FUNCTIONS), 3, (i / FUNCTIONS) % 20 == 0);
			this.log.accept(this.traces[i]);
		}
	}

	@Benchmark
	@Group("queryWhilePushing")
	@GroupThreads(1)
	public FnTracesDescriptor query() {
		return this.endpoint.traces("fn3", "failed", null, null, null, 100, SecurityContext.NONE);
	}

	/**
	 * The same query with nothing pushing: what the query itself costs.
	 * @return the response
	 */
	@Benchmark
	@Group("queryAlone")
	@GroupThreads(1)
	public FnTracesDescriptor queryAlone() {
		return query();
	}

	@Benchmark
	@Group("queryWhilePushing")
	@GroupThreads(2)
	public void push(Pusher pusher) {
		this.log.accept(this.traces[pusher.next()]);
	}

	/**
	 * Each pushing thread walks the same mix of traces from its own place.
	 */
	@State(Scope.Thread)
	public static class Pusher {

		private int index = (int) (Thread.currentThread().getId() * 7919 % CAPACITY);

		int next() {
			this.index = (this.index + 1 == CAPACITY) ? 0 : this.index + 1;
			return this.index;
		}

	}

}
