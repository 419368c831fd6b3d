package dev.fntrace.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.fntrace.log.InMemoryTraceLog;
import dev.fntrace.model.FnTrace;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

import org.springframework.boot.actuate.web.exchanges.HttpExchange;
import org.springframework.boot.actuate.web.exchanges.InMemoryHttpExchangeRepository;

/**
 * What handing a finished trace to the log costs with 1, 2 and 4 writers, against Spring
 * Boot's {@link InMemoryHttpExchangeRepository#add} (a synchronized linked list). Both
 * stores hold 1 000 entries (fntrace's default capacity) and are handed one prebuilt
 * entry over and over.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TraceLogPushBenchmark {

	private static final int CAPACITY = 1000;

	private final InMemoryTraceLog log = new InMemoryTraceLog(CAPACITY);

	private final FnTrace trace = new SampleTraces().trace("placeBid", 3, false);

	private final InMemoryHttpExchangeRepository exchanges = exchanges();

	private final HttpExchange exchange = new HttpExchange(Instant.now(),
			new HttpExchange.Request(URI.create("http://localhost/api/lots/1/bids"), "127.0.0.1", "POST",
					Map.of("Content-Type", List.of("application/json"))),
			new HttpExchange.Response(200, Map.of("Content-Type", List.of("application/json"))),
			new HttpExchange.Principal("alice"), null, Duration.ofMillis(2));

	@Benchmark
	@Threads(1)
	public void traceLog1Thread() {
		this.log.accept(this.trace);
	}

	@Benchmark
	@Threads(2)
	public void traceLog2Threads() {
		this.log.accept(this.trace);
	}

	@Benchmark
	@Threads(4)
	public void traceLog4Threads() {
		this.log.accept(this.trace);
	}

	@Benchmark
	@Threads(1)
	public void httpExchanges1Thread() {
		this.exchanges.add(this.exchange);
	}

	@Benchmark
	@Threads(2)
	public void httpExchanges2Threads() {
		this.exchanges.add(this.exchange);
	}

	@Benchmark
	@Threads(4)
	public void httpExchanges4Threads() {
		this.exchanges.add(this.exchange);
	}

	private static InMemoryHttpExchangeRepository exchanges() {
		InMemoryHttpExchangeRepository exchanges = new InMemoryHttpExchangeRepository();
		exchanges.setCapacity(CAPACITY);
		return exchanges;
	}

}
