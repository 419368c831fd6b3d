package dev.fntrace.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.fntrace.Traced;
import dev.fntrace.autoconfigure.FnTraceAutoConfiguration;
import dev.fntrace.autoconfigure.FnTraceJdbcAutoConfiguration;
import dev.fntrace.autoconfigure.FnTraceTransactionAutoConfiguration;
import dev.fntrace.context.TraceContext;
import dev.fntrace.log.TraceLog;
import dev.fntrace.log.TraceQuery;
import dev.fntrace.model.FnTrace;
import dev.fntrace.model.OpTrace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Traced calls with SQL on many threads at once: every call is counted, every trace holds
 * only its own operations with their row counts, even when another thread finishes it,
 * and no pooled thread keeps a trace afterwards. The number of calls per thread is
 * {@code -Dfntrace.load.calls-per-thread} (2 500 by default: the same code path as 100
 * 000, in a time CI can afford).
 */
@Timeout(300)
class TracingUnderLoadTests {

	private static final int THREADS = 8;

	private static final int CALLS_PER_THREAD = Integer.getInteger("fntrace.load.calls-per-thread", 2_500);

	private static final int TOTAL = THREADS * CALLS_PER_THREAD;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, FnTraceAutoConfiguration.class,
				FnTraceJdbcAutoConfiguration.class, FnTraceTransactionAutoConfiguration.class))
		.withPropertyValues("fntrace.capacity=" + TOTAL)
		.withUserConfiguration(AppConfiguration.class);

	@Test
	void everyCallIsCountedWithOnlyItsOwnOpsAndNoPooledThreadKeepsATrace() {
		this.runner.run((context) -> {
			Reader reader = context.getBean(Reader.class);
			Map<String, Integer> statementsByCall = new ConcurrentHashMap<>();
			ExecutorService pool = Executors.newFixedThreadPool(THREADS);
			try {
				CountDownLatch start = new CountDownLatch(1);
				List<Future<?>> workers = new ArrayList<>();
				for (int t = 0; t < THREADS; t++) {
					int thread = t;
					workers.add(pool.submit(() -> {
						start.await();
						for (int i = 0; i < CALLS_PER_THREAD; i++) {
							int statements = 1 + (thread + i) % 3;
							statementsByCall.put(reader.read(statements), statements);
						}
						return null;
					}));
				}
				start.countDown();
				for (Future<?> worker : workers) {
					worker.get(240, TimeUnit.SECONDS);
				}
				assertThat(noThreadKeepsATrace(pool)).isTrue();
			}
			finally {
				pool.shutdownNow();
			}
			TraceLog log = context.getBean(TraceLog.class);
			assertThat(log.totalCount()).isEqualTo(TOTAL);
			List<FnTrace> traces = log.find(TraceQuery.newest(TOTAL));
			assertThat(traces).hasSize(TOTAL);
			assertThat(statementsByCall).hasSize(TOTAL);
			for (FnTrace trace : traces) {
				int statements = statementsByCall.get(trace.callId());
				assertThat(trace.ops()).hasSize(statements);
				assertThat(trace.ops()).extracting(OpTrace::rowCount).containsOnly((long) statements);
			}
		});
	}

	@Test
	void opsAreCompleteWhenAFutureIsFinishedOnAnotherThread() {
		this.runner.run((context) -> {
			Reader reader = context.getBean(Reader.class);
			ExecutorService callers = Executors.newFixedThreadPool(THREADS);
			ExecutorService completers = Executors.newFixedThreadPool(THREADS);
			int calls = TOTAL / 4;
			try {
				List<Future<CompletableFuture<Integer>>> results = new ArrayList<>();
				for (int i = 0; i < calls; i++) {
					int rows = 1 + i % 3;
					results.add(callers.submit(() -> reader.readLater(rows, completers)));
				}
				for (Future<CompletableFuture<Integer>> result : results) {
					result.get(60, TimeUnit.SECONDS).get(60, TimeUnit.SECONDS);
				}
			}
			finally {
				callers.shutdownNow();
				completers.shutdownNow();
			}
			// a future's waiters may wake before its whenComplete action (which finishes
			// the trace) has run on the completing thread: wait for the last traces
			TraceLog log = context.getBean(TraceLog.class);
			TraceQuery query = new TraceQuery("Reader.readLater", null, null, null, null, calls);
			List<FnTrace> traces = log.find(query);
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
			while (traces.size() < calls && System.nanoTime() < deadline) {
				Thread.sleep(1);
				traces = log.find(query);
			}
			assertThat(traces).hasSize(calls);
			for (FnTrace trace : traces) {
				assertThat(trace.ops()).singleElement().satisfies((op) -> assertThat(op.rowCount()).isNotNull());
			}
			assertThat(traces).extracting((trace) -> trace.ops().get(0).rowCount()).containsOnly(1L, 2L, 3L);
		});
	}

	private static boolean noThreadKeepsATrace(ExecutorService pool) throws Exception {
		CyclicBarrier everyThread = new CyclicBarrier(THREADS);
		List<Future<Boolean>> checks = new ArrayList<>();
		for (int t = 0; t < THREADS; t++) {
			checks.add(pool.submit(() -> {
				everyThread.await(10, TimeUnit.SECONDS);
				return TraceContext.current() == null;
			}));
		}
		for (Future<Boolean> check : checks) {
			if (!check.get(20, TimeUnit.SECONDS)) {
				return false;
			}
		}
		return true;
	}

	@Configuration(proxyBeanMethods = false)
	static class AppConfiguration {

		@Bean
		DataSource dataSource() {
			return new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2)
				.generateUniqueName(true)
				.addScript("auction-schema.sql")
				.build();
		}

		@Bean
		Reader reader(DataSource dataSource) {
			return new Reader(new JdbcTemplate(dataSource));
		}

	}

	static class Reader {

		private final JdbcTemplate jdbc;

		Reader(JdbcTemplate jdbc) {
			this.jdbc = jdbc;
		}

		/**
		 * Run some statements, each reading as many rows as there are statements.
		 * @param statements how many
		 * @return the call id
		 */
		@Traced
		public String read(int statements) {
			for (int i = 0; i < statements; i++) {
				this.jdbc.queryForList("select id from lot where id <= ?", Long.class, statements);
			}
			return dev.fntrace.FnTraces.current().callId();
		}

		/**
		 * Read rows now, and finish the call on another thread.
		 * @param rows how many rows to read
		 * @param completers where the result completes
		 * @return the result, completed later
		 */
		@Traced
		public CompletableFuture<Integer> readLater(int rows, ExecutorService completers) {
			int read = this.jdbc.queryForList("select id from lot where id <= ?", Long.class, rows).size();
			return CompletableFuture.supplyAsync(() -> read, completers);
		}

	}

}
