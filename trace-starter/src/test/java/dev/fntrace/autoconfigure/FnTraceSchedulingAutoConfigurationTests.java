package dev.fntrace.autoconfigure;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.fntrace.FnScheduler;
import dev.fntrace.FnTraces;
import dev.fntrace.capture.TraceContextTaskDecorator;
import dev.fntrace.capture.scheduling.AfterCommit;
import dev.fntrace.capture.scheduling.AsyncCallRecordingPostProcessor;
import dev.fntrace.capture.scheduling.TaskSchedulerRecordingAdvisor;
import dev.fntrace.log.TraceLog;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.task.TaskDecorator;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FnTraceSchedulingAutoConfiguration}: the {@link FnScheduler} in every case,
 * recording of scheduled work, and carrying the trace across threads alongside the
 * application's own decorators.
 */
class FnTraceSchedulingAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurationTestSupport.ALL)
		.withBean(Greeter.class);

	@Test
	void providesTheSchedulerRecordingAndPropagation() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(FnScheduler.class);
			assertThat(context).hasSingleBean(TaskSchedulerRecordingAdvisor.class);
			assertThat(context).hasSingleBean(AsyncCallRecordingPostProcessor.class);
			assertThat(context).hasSingleBean(TraceContextTaskDecorator.class);
			assertThat(context).hasSingleBean(AfterCommit.class);
		});
	}

	@Test
	void backsOffFromTheApplicationsScheduler() {
		FnScheduler own = new FnScheduler() {

			@Override
			public void runAfter(Duration delay, String fnName, Runnable task) {
			}

			@Override
			public void runAt(Instant time, String fnName, Runnable task) {
			}

		};
		this.runner.withBean(FnScheduler.class, () -> own)
			.run((context) -> assertThat(context.getBean(FnScheduler.class)).isSameAs(own));
	}

	@Test
	void schedulerStillSchedulesWithTracingOff() {
		this.runner.withPropertyValues("fntrace.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(TraceLog.class);
			assertThat(context).doesNotHaveBean(TaskSchedulerRecordingAdvisor.class);
			CompletableFuture<Boolean> traced = new CompletableFuture<>();
			context.getBean(FnScheduler.class)
				.runAfter(Duration.ZERO, "later", () -> traced.complete(FnTraces.current().isTraced()));
			assertThat(traced.get(5, TimeUnit.SECONDS)).isFalse();
		});
	}

	@Test
	void schedulerStillSchedulesWithSchedulingRecordingOff() {
		this.runner.withPropertyValues("fntrace.scheduling.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(TaskSchedulerRecordingAdvisor.class);
			CompletableFuture<Boolean> traced = new CompletableFuture<>();
			context.getBean(FnScheduler.class)
				.runAfter(Duration.ZERO, "later", () -> traced.complete(FnTraces.current().isTraced()));
			assertThat(traced.get(5, TimeUnit.SECONDS)).isFalse();
			assertThat(context.getBean(TraceLog.class).totalCount()).isZero();
		});
	}

	@Test
	void schedulerWorksWithoutSpringTx() {
		this.runner.withClassLoader(new FilteredClassLoader(TransactionSynchronizationManager.class)).run((context) -> {
			assertThat(context).doesNotHaveBean(AfterCommit.class);
			CompletableFuture<Boolean> traced = new CompletableFuture<>();
			context.getBean(FnScheduler.class)
				.runAfter(Duration.ZERO, "later", () -> traced.complete(FnTraces.current().isTraced()));
			assertThat(traced.get(5, TimeUnit.SECONDS)).isTrue();
		});
	}

	@Test
	void propagationCanBeSwitchedOff() {
		this.runner.withPropertyValues("fntrace.propagation.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(TaskDecorator.class));
	}

	@Test
	void executorsCarryTheTraceAndStillApplyTheApplicationsOwnDecorator() {
		ThreadLocal<String> applicationValue = new ThreadLocal<>();
		TaskDecorator applicationDecorator = (runnable) -> () -> {
			applicationValue.set("decorated");
			try {
				runnable.run();
			}
			finally {
				applicationValue.remove();
			}
		};
		this.runner.withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class))
			.withBean("applicationDecorator", TaskDecorator.class, () -> applicationDecorator)
			.withBean(Relay.class)
			.run((context) -> {
				ThreadPoolTaskExecutor executor = context.getBean(ThreadPoolTaskExecutor.class);
				String seen = context.getBean(Relay.class)
					.relay(() -> executor.submit(() -> FnTraces.current().callId() + "|" + applicationValue.get())
						.get(5, TimeUnit.SECONDS));
				String callId = context.getBean(TraceLog.class)
					.find(dev.fntrace.log.TraceQuery.newest(1))
					.get(0)
					.callId();
				assertThat(seen).isEqualTo(callId + "|decorated");
			});
	}

	/**
	 * Runs work inside a traced call.
	 */
	public static class Relay {

		@dev.fntrace.Traced
		public String relay(java.util.concurrent.Callable<String> work) throws Exception {
			return work.call();
		}

	}

}
