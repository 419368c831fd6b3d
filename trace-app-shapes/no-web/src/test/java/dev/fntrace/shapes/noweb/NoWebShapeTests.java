package dev.fntrace.shapes.noweb;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.fntrace.FnScheduler;
import dev.fntrace.log.TraceLog;
import dev.fntrace.log.TraceQuery;
import dev.fntrace.model.FnOutcome;
import dev.fntrace.model.FnTrace;
import dev.fntrace.model.FnType;
import dev.fntrace.model.ScheduleStatus;
import dev.fntrace.model.ScheduleTrace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The starter in an application of {@code spring-boot-starter} alone: it starts, records
 * {@code @Traced} calls into the {@link TraceLog}, and its {@link FnScheduler} runs work.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class NoWebShapeTests {

	@Autowired
	private ApplicationContext context;

	@Autowired
	private Greeter greeter;

	@Autowired
	private TraceLog traceLog;

	@BeforeEach
	void startWithNoTraces() {
		this.traceLog.clear();
	}

	@Test
	void classpathHasNoWebNoTransactionsNoJdbc() {
		assertThat(isPresent("org.springframework.web.context.WebApplicationContext")).isFalse();
		assertThat(isPresent("org.springframework.transaction.support.TransactionSynchronization")).isFalse();
		assertThat(isPresent("org.springframework.jdbc.core.JdbcTemplate")).isFalse();
		assertThat(isPresent("jakarta.servlet.http.HttpServletRequest")).isFalse();
		assertThat(isPresent("org.springframework.web.servlet.DispatcherServlet")).isFalse();
	}

	@Test
	void tracedCallIsRecorded() {
		assertThat(this.greeter.greet("Ada")).isEqualTo("Hello, Ada");
		FnTrace trace = onlyTrace("Greeter.greet");
		assertThat(trace.fnType()).isEqualTo(FnType.ACTION);
		assertThat(trace.outcome()).isInstanceOf(FnOutcome.Ok.class);
		assertThat(trace.outcome().status()).isEqualTo("ok");
		assertThat(trace.userId()).isNull();
		assertThat(trace.tenantId()).isNull();
		assertThat(trace.ops()).isEmpty();
	}

	@Test
	void failedCallIsRecordedAsAnError() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.greeter.greet(" "));
		FnTrace trace = onlyTrace("Greeter.greet");
		assertThat(trace.outcome()).isEqualTo(new FnOutcome.Errored("IllegalArgumentException", "Nobody to greet"));
	}

	@Test
	void fnSchedulerRunsWorkTheTracedCallScheduled() throws InterruptedException {
		assertThat(this.context.getBeansOfType(FnScheduler.class)).hasSize(1);
		CountDownLatch reminded = new CountDownLatch(1);
		this.greeter.remindLater(reminded::countDown);
		assertThat(reminded.await(10, TimeUnit.SECONDS)).as("the reminder ran").isTrue();
		FnTrace scheduling = onlyTrace("Greeter.remindLater");
		assertThat(scheduling.outcome().status()).isEqualTo("ok");
		assertThat(scheduling.schedules()).extracting(ScheduleTrace::fnName, ScheduleTrace::status)
			.containsExactly(tuple("remind", ScheduleStatus.SCHEDULED));
		FnTrace run = awaitTrace("remind");
		assertThat(run.scheduledBy()).isEqualTo(scheduling.callId());
		assertThat(run.outcome().status()).isEqualTo("ok");
	}

	private FnTrace onlyTrace(String fn) {
		List<FnTrace> traces = this.traceLog.find(new TraceQuery(fn, null, null, null, null, 10));
		assertThat(traces).as("traces of %s", fn).hasSize(1);
		return traces.get(0);
	}

	/**
	 * Wait for the trace of a call that runs on another thread: the log holds it once the
	 * call has finished.
	 */
	private FnTrace awaitTrace(String fn) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (System.nanoTime() - deadline < 0) {
			List<FnTrace> traces = this.traceLog.find(new TraceQuery(fn, null, null, null, null, 10));
			if (!traces.isEmpty()) {
				return traces.get(0);
			}
			Thread.sleep(20);
		}
		throw new AssertionError("No trace of " + fn + " within 10 seconds");
	}

	private static boolean isPresent(String className) {
		return ClassUtils.isPresent(className, NoWebShapeTests.class.getClassLoader());
	}

}
