package dev.fntrace.model;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TraceBuilder#finish}: a call that recorded nothing finishes without the lock,
 * and what other threads record while a call finishes is either in its trace or refused,
 * never accepted and lost.
 */
class TraceBuilderFinishTests {

	private static final int ROUNDS = 20_000;

	@Test
	void callThatRecordedNothingFinishesOnce() {
		TraceBuilder trace = trace();
		FnTrace finished = trace.finish(FnOutcome.OK, 2_000_000);
		assertThat(finished).isNotNull();
		assertThat(finished.durationMs()).isEqualTo(2.0);
		assertThat(finished.ops()).isEmpty();
		assertThat(trace.isFinished()).isTrue();
		assertThat(trace.finish(FnOutcome.OK, 3_000_000)).isNull();
		assertThat(trace.addOp(DbOp.QUERY, "lot", null, 0, 1, true, null, null)).isNull();
		assertThat(trace.addSchedule(schedule())).isEqualTo(-1);
		assertThat(trace.claimTransaction()).isFalse();
	}

	@Test
	void callThatRecordedSomethingFinishesOnceWithIt() {
		TraceBuilder trace = trace();
		trace.addStreamChunk(10);
		FnTrace finished = trace.finish(FnOutcome.OK, 1_000_000);
		assertThat(finished.streamBytes()).isEqualTo(10);
		assertThat(trace.finish(FnOutcome.OK, 1_000_000)).isNull();
		trace.addStreamChunk(5);
		assertThat(finished.streamBytes()).isEqualTo(10);
	}

	@Test
	void discardedCallMakesNoTrace() {
		TraceBuilder trace = trace();
		trace.discard();
		assertThat(trace.isFinished()).isTrue();
		assertThat(trace.finish(FnOutcome.OK, 1)).isNull();
		assertThat(trace.addOp(DbOp.QUERY, "lot", null, 0, 1, true, null, null)).isNull();
	}

	@Test
	@Timeout(value = 120, unit = TimeUnit.SECONDS)
	void whatOtherThreadsRecordWhileTheCallFinishesIsKeptOrRefused() throws Exception {
		onThreads(3, (executor) -> {
			for (int round = 0; round < ROUNDS; round++) {
				TraceBuilder trace = trace();
				CyclicBarrier start = new CyclicBarrier(3);
				Future<Boolean> op = atStart(executor, start,
						() -> trace.addOp(DbOp.QUERY, "lot", null, 0, 1, true, null, null) != null);
				Future<Boolean> schedule = atStart(executor, start, () -> trace.addSchedule(schedule()) >= 0);
				Future<FnTrace> finish = atStart(executor, start, () -> trace.finish(FnOutcome.OK, 1));
				FnTrace finished = finish.get(10, TimeUnit.SECONDS);
				boolean opAccepted = op.get(10, TimeUnit.SECONDS);
				boolean scheduleAccepted = schedule.get(10, TimeUnit.SECONDS);
				assertThat(finished).isNotNull();
				assertThat(finished.ops()).as("round %d", round).hasSize(opAccepted ? 1 : 0);
				assertThat(finished.schedules()).as("round %d", round).hasSize(scheduleAccepted ? 1 : 0);
			}
		});
	}

	@Test
	@Timeout(value = 120, unit = TimeUnit.SECONDS)
	void onlyOneOfTwoRacingFinishesMakesATrace() throws Exception {
		onThreads(2, (executor) -> {
			for (int round = 0; round < ROUNDS; round++) {
				TraceBuilder trace = trace();
				if (round % 2 == 1) {
					trace.addStreamChunk(1);
				}
				CyclicBarrier start = new CyclicBarrier(2);
				List<Future<FnTrace>> finishes = new ArrayList<>();
				for (int i = 0; i < 2; i++) {
					finishes.add(atStart(executor, start, () -> trace.finish(FnOutcome.OK, 1)));
				}
				int made = 0;
				for (Future<FnTrace> finish : finishes) {
					if (finish.get(10, TimeUnit.SECONDS) != null) {
						made++;
					}
				}
				assertThat(made).as("round %d", round).isEqualTo(1);
			}
		});
	}

	private static void onThreads(int threads, Rounds rounds) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			rounds.run(executor);
		}
		finally {
			executor.shutdownNow();
		}
	}

	/**
	 * Submit a task that waits at the barrier before it runs, so that the racing tasks
	 * start together.
	 */
	private static <T> Future<T> atStart(ExecutorService executor, CyclicBarrier start, Callable<T> task) {
		return executor.submit(() -> {
			start.await(10, TimeUnit.SECONDS);
			return task.call();
		});
	}

	private static ScheduleTrace schedule() {
		return new ScheduleTrace("notify", 0L, null);
	}

	private static TraceBuilder trace() {
		return new TraceBuilder("c-1", "placeBid", FnType.MUTATION, null, null, null, null, 0L, 0L,
				TraceLimits.DEFAULTS);
	}

	/**
	 * The rounds of a race, run on an executor of their own.
	 */
	private interface Rounds {

		void run(ExecutorService executor) throws Exception;

	}

}
