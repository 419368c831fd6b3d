package dev.fntrace.capture.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.fntrace.TraceLogReads;
import dev.fntrace.FnScheduler;
import dev.fntrace.FnTraces;
import dev.fntrace.Traced;
import dev.fntrace.autoconfigure.FnTraceAutoConfiguration;
import dev.fntrace.autoconfigure.FnTraceJdbcAutoConfiguration;
import dev.fntrace.autoconfigure.FnTraceSchedulingAutoConfiguration;
import dev.fntrace.autoconfigure.FnTraceTransactionAutoConfiguration;
import dev.fntrace.log.TraceLog;
import dev.fntrace.log.TraceQuery;
import dev.fntrace.model.DbOp;
import dev.fntrace.model.FnOutcome;
import dev.fntrace.model.FnTrace;
import dev.fntrace.model.FnType;
import dev.fntrace.model.OpTrace;
import dev.fntrace.model.ScheduleStatus;
import dev.fntrace.model.ScheduleTrace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What a traced call schedules, and where its work travels: the {@link FnScheduler} with
 * transactions, work handed to a {@link TaskScheduler} or an {@code @Async} method, and
 * the current trace carried to executor threads.
 */
@Timeout(30)
class SchedulingTracesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, TransactionAutoConfiguration.class,
				DataSourceTransactionManagerAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
				TaskExecutionAutoConfiguration.class, TaskSchedulingAutoConfiguration.class,
				FnTraceAutoConfiguration.class, FnTraceJdbcAutoConfiguration.class,
				FnTraceTransactionAutoConfiguration.class, FnTraceSchedulingAutoConfiguration.class))
		.withUserConfiguration(AppConfiguration.class);

	@Test
	void scheduleInCommittedTransactionRunsLaterWithScheduledBy() {
		this.runner.run((context) -> {
			context.getBean(Lots.class).createLot("Vase", false);
			FnTrace created = awaitOne(context, "Lots.createLot");
			assertThat(created.schedules())
				.containsExactly(new ScheduleTrace("closeLot", 50L, null, ScheduleStatus.SCHEDULED));
			FnTrace closed = awaitOne(context, "closeLot");
			assertThat(closed.scheduledBy()).isEqualTo(created.callId());
			assertThat(closed.parentCallId()).isNull();
			assertThat(closed.fnType()).isEqualTo(FnType.MUTATION);
			assertThat(closed.ops()).extracting(OpTrace::op).containsExactly(DbOp.UPDATE);
			assertThat(context.getBean(TraceLog.class).find(TraceQuery.newest(10))).extracting(FnTrace::fnName)
				.containsExactly("closeLot", "Lots.createLot");
		});
	}

	@Test
	void everyTracedCallOfAScheduledRunNamesTheSchedulingCall() {
		this.runner.run((context) -> {
			context.getBean(Lots.class).closeAllLater(false);
			FnTrace scheduling = awaitOne(context, "Lots.closeAllLater");
			TraceLog log = context.getBean(TraceLog.class);
			List<FnTrace> closes = awaitTraces(log, "closeLot", 2);
			assertThat(closes).allSatisfy((close) -> {
				assertThat(close.scheduledBy()).isEqualTo(scheduling.callId());
				assertThat(close.parentCallId()).isNull();
			});
			assertThat(log.find(new TraceQuery("closeAll", null, null, null, null, 10))).isEmpty();
		});
	}

	@Test
	void scheduledRunWithWorkOfItsOwnIsKeptAndNoLinkDangles() {
		this.runner.run((context) -> {
			context.getBean(Lots.class).closeAllLater(true);
			FnTrace scheduling = awaitOne(context, "Lots.closeAllLater");
			TraceLog log = context.getBean(TraceLog.class);
			List<FnTrace> closes = awaitTraces(log, "closeLot", 2);
			FnTrace run = awaitOne(context, "closeAll");
			assertThat(run.scheduledBy()).isEqualTo(scheduling.callId());
			assertThat(run.ops()).extracting(OpTrace::op).containsExactly(DbOp.QUERY);
			assertThat(closes).allSatisfy((close) -> {
				assertThat(close.scheduledBy()).isEqualTo(scheduling.callId());
				assertThat(close.parentCallId()).isNull();
			});
		});
	}

	@Test
	void scheduleInRolledBackTransactionIsDropped() {
		this.runner.run((context) -> {
			Lots lots = context.getBean(Lots.class);
			assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> lots.createLot("Vase", true));
			FnTrace created = awaitOne(context, "Lots.createLot");
			assertThat(created.outcome()).isInstanceOf(FnOutcome.RolledBack.class);
			assertThat(created.schedules())
				.containsExactly(new ScheduleTrace("closeLot", 50L, null, ScheduleStatus.DROPPED));
			ThreadPoolTaskScheduler scheduler = context.getBean(ThreadPoolTaskScheduler.class);
			assertThat(scheduler.getScheduledThreadPoolExecutor().getQueue()).isEmpty();
			assertThat(scheduler.getScheduledThreadPoolExecutor().getTaskCount()).isZero();
		});
	}

	@Test
	void scheduleOutsideTransactionIsScheduledAtOnce() {
		this.runner.run((context) -> {
			Instant at = Instant.now().plusMillis(30);
			context.getBean(Lots.class).remindAt(at);
			FnTrace reminding = awaitOne(context, "Lots.remindAt");
			assertThat(reminding.schedules())
				.containsExactly(new ScheduleTrace("remind", null, at.toEpochMilli(), ScheduleStatus.SCHEDULED));
			FnTrace reminder = awaitOne(context, "remind");
			assertThat(reminder.scheduledBy()).isEqualTo(reminding.callId());
			assertThat(reminder.fnType()).isEqualTo(FnType.ACTION);
			assertThat(reminder.ops()).extracting(OpTrace::op, OpTrace::entity)
				.containsExactly(org.assertj.core.groups.Tuple.tuple(DbOp.QUERY, "lot"));
		});
	}

	@Test
	void workHandedToTheTaskSchedulerIsRecordedAndTracedWhenItRuns() {
		this.runner.run((context) -> {
			context.getBean(Lots.class).scheduleDirectly();
			FnTrace scheduling = awaitOne(context, "Lots.scheduleDirectly");
			assertThat(scheduling.schedules()).singleElement().satisfies((schedule) -> {
				assertThat(schedule.fnName()).isEqualTo("LotSweep");
				assertThat(schedule.runAt()).isNotNull();
				assertThat(schedule.status()).isEqualTo(ScheduleStatus.SCHEDULED);
			});
			FnTrace sweep = awaitOne(context, "LotSweep");
			assertThat(sweep.scheduledBy()).isEqualTo(scheduling.callId());
			assertThat(sweep.ops()).hasSize(1);
		});
	}

	@Test
	void asyncCallIsRecordedAndItsSqlLandsInTheCallersTrace() {
		this.runner.run((context) -> {
			context.getBean(Lots.class).countViaAsync();
			FnTrace trace = awaitOne(context, "Lots.countViaAsync");
			assertThat(trace.schedules())
				.containsExactly(new ScheduleTrace("Counter.countAsync", null, null, ScheduleStatus.SCHEDULED));
			assertThat(trace.ops()).singleElement().satisfies((op) -> {
				assertThat(op.op()).isEqualTo(DbOp.QUERY);
				assertThat(op.rowCount()).isEqualTo(10);
			});
		});
	}

	@Test
	void sqlOnExecutorThreadsLandsInTheRightTraceUnderConcurrency() throws Exception {
		this.runner.run((context) -> {
			Lots lots = context.getBean(Lots.class);
			ExecutorService callers = Executors.newFixedThreadPool(8);
			try {
				CountDownLatch start = new CountDownLatch(1);
				List<Future<String>> calls = new ArrayList<>();
				Map<String, Integer> rowsByCall = new ConcurrentHashMap<>();
				for (int i = 1; i <= 8; i++) {
					int rows = i;
					calls.add(callers.submit(() -> {
						start.await();
						String callId = lots.readOnExecutor(rows);
						rowsByCall.put(callId, rows);
						return callId;
					}));
				}
				start.countDown();
				for (Future<String> call : calls) {
					call.get(20, TimeUnit.SECONDS);
				}
				List<FnTrace> traces = context.getBean(TraceLog.class)
					.find(new TraceQuery("Lots.readOnExecutor", null, null, null, null, 100));
				assertThat(traces).hasSize(8);
				for (FnTrace trace : traces) {
					assertThat(trace.ops()).singleElement()
						.satisfies((op) -> assertThat(op.rowCount()).isEqualTo((long) rowsByCall.get(trace.callId())));
				}
			}
			finally {
				callers.shutdownNow();
			}
		});
	}

	@Test
	void threadNotHandedTheContextLandsInNoTrace() {
		this.runner.run((context) -> {
			context.getBean(Lots.class).readOnBareThread();
			FnTrace trace = awaitOne(context, "Lots.readOnBareThread");
			assertThat(trace.ops()).isEmpty();
			assertThat(context.getBean(TraceLog.class).totalCount()).isEqualTo(1);
		});
	}

	@Test
	void applicationCodeRecordsByHandInsideTracedCallsOnly() {
		this.runner.run((context) -> {
			assertThat(FnTraces.current().isTraced()).isFalse();
			FnTraces.current().recordChunk(10);
			context.getBean(Lots.class).recordByHand();
			FnTrace trace = awaitOne(context, "Lots.recordByHand");
			assertThat(trace.ops()).singleElement().satisfies((op) -> {
				assertThat(op.op()).isEqualTo(DbOp.GET);
				assertThat(op.entity()).isEqualTo("Cache");
				assertThat(op.id()).isEqualTo("k1");
				assertThat(op.durationMs()).isEqualTo(3.0);
			});
			assertThat(trace.streamChunks()).isEqualTo(2);
			assertThat(trace.streamBytes()).isEqualTo(300);
			assertThat(trace.schedules()).containsExactly(new ScheduleTrace("mail", 1000L, null));
		});
	}

	private static List<FnTrace> awaitTraces(TraceLog log, String fn, int count) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		List<FnTrace> traces = log.find(new TraceQuery(fn, null, null, null, null, 100));
		while (traces.size() < count && System.nanoTime() < deadline) {
			Thread.sleep(10);
			traces = log.find(new TraceQuery(fn, null, null, null, null, 100));
		}
		assertThat(traces).hasSize(count);
		return traces;
	}

	private static FnTrace awaitOne(AssertableApplicationContext context, String fn) throws InterruptedException {
		return TraceLogReads.awaitOnlyTrace(context.getBean(TraceLog.class), fn, Duration.ofSeconds(10));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	@EnableAsync
	static class AppConfiguration {

		@Bean
		DataSource dataSource() {
			return new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2)
				.generateUniqueName(true)
				.addScript("classpath:scheduling-schema.sql")
				.build();
		}

		@Bean
		LotCloser lotCloser(JdbcTemplate jdbc) {
			return new LotCloser(jdbc);
		}

		@Bean
		Counter counter(JdbcTemplate jdbc) {
			return new Counter(jdbc);
		}

		@Bean
		Lots lots(JdbcTemplate jdbc, FnScheduler fnScheduler, TaskScheduler taskScheduler, LotCloser closer,
				Counter counter, AsyncTaskExecutor applicationTaskExecutor) {
			return new Lots(jdbc, fnScheduler, taskScheduler, closer, counter, applicationTaskExecutor);
		}

	}

	static class LotCloser {

		private final JdbcTemplate jdbc;

		LotCloser(JdbcTemplate jdbc) {
			this.jdbc = jdbc;
		}

		@Traced("closeLot")
		@Transactional
		public void closeLot(long id) {
			this.jdbc.update("update lot set state = 'closed' where id = ?", id);
		}

	}

	static class Counter {

		private final JdbcTemplate jdbc;

		Counter(JdbcTemplate jdbc) {
			this.jdbc = jdbc;
		}

		@Async
		public CompletableFuture<Integer> countAsync() {
			return CompletableFuture.completedFuture(this.jdbc.queryForList("select id from lot", Long.class).size());
		}

	}

	static class LotSweep implements Runnable {

		private final JdbcTemplate jdbc;

		LotSweep(JdbcTemplate jdbc) {
			this.jdbc = jdbc;
		}

		@Override
		public void run() {
			this.jdbc.queryForList("select id from lot where state = 'closed'", Long.class);
		}

	}

	static class Lots {

		private final JdbcTemplate jdbc;

		private final FnScheduler fnScheduler;

		private final TaskScheduler taskScheduler;

		private final LotCloser closer;

		private final Counter counter;

		private final AsyncTaskExecutor executor;

		Lots(JdbcTemplate jdbc, FnScheduler fnScheduler, TaskScheduler taskScheduler, LotCloser closer, Counter counter,
				AsyncTaskExecutor executor) {
			this.jdbc = jdbc;
			this.fnScheduler = fnScheduler;
			this.taskScheduler = taskScheduler;
			this.closer = closer;
			this.counter = counter;
			this.executor = executor;
		}

		@Traced
		@Transactional
		public void createLot(String title, boolean fail) {
			this.jdbc.update("insert into lot (title, state) values (?, 'open')", title);
			long id = this.jdbc.queryForObject("select max(id) from lot", Long.class);
			this.fnScheduler.runAfter(Duration.ofMillis(50), "closeLot", () -> this.closer.closeLot(id));
			if (fail) {
				throw new IllegalStateException("no lots today");
			}
		}

		@Traced
		public void closeAllLater(boolean lookFirst) {
			this.fnScheduler.runAfter(Duration.ofMillis(10), "closeAll", () -> {
				if (lookFirst) {
					this.jdbc.queryForList("select id from lot where state = 'open'", Long.class);
				}
				this.closer.closeLot(1);
				this.closer.closeLot(2);
			});
		}

		@Traced
		public void remindAt(Instant at) {
			this.fnScheduler.runAt(at, "remind",
					() -> this.jdbc.queryForList("select title from lot where state = 'open'", String.class));
		}

		@Traced
		public void scheduleDirectly() {
			this.taskScheduler.schedule(new LotSweep(this.jdbc), Instant.now().plusMillis(20));
		}

		@Traced
		public int countViaAsync() {
			return this.counter.countAsync().join();
		}

		@Traced
		public String readOnExecutor(int rows) throws Exception {
			this.executor.submit(() -> this.jdbc.queryForList("select id from lot where id <= ?", Long.class, rows))
				.get(10, TimeUnit.SECONDS);
			return FnTraces.current().callId();
		}

		@Traced
		public void readOnBareThread() throws InterruptedException {
			Thread thread = new Thread(() -> this.jdbc.queryForList("select id from lot", Long.class));
			thread.start();
			thread.join(10_000);
		}

		@Traced
		public void recordByHand() {
			FnTraces.CurrentCall call = FnTraces.current();
			assertThat(call.isTraced()).isTrue();
			call.recordOp(DbOp.GET, "Cache", "k1", Duration.ofMillis(3), true);
			call.recordChunk(100);
			call.recordChunk(200);
			call.recordSchedule("mail", Duration.ofSeconds(1));
		}

	}

}
