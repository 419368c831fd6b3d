package dev.fntrace.log;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import dev.fntrace.model.FnTrace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the ring of {@link InMemoryTraceLog}: its slots (the capacity, and room for
 * leases in a large enough log) and the function keys that let a query skip traces.
 */
class InMemoryTraceLogRingTests {

	@ParameterizedTest
	@ValueSource(ints = { 1, 2, 3, 5, 8, 15, 16, 17, 255, 256, 257, 1_000, 1_024, 4_097 })
	void everyCapacityKeepsTheNewestTracesInOrder(int capacity) {
		InMemoryTraceLog log = new InMemoryTraceLog(capacity);
		int pushed = 3 * capacity + 7;
		for (int i = 0; i < pushed; i++) {
			log.accept(Traces.ok(Integer.toString(i)));
		}
		List<String> expected = IntStream.range(0, capacity).mapToObj((i) -> Integer.toString(pushed - 1 - i)).toList();
		assertThat(log.find(TraceQuery.newest(pushed))).extracting(FnTrace::callId).containsExactlyElementsOf(expected);
		assertThat(log.size()).isEqualTo(capacity);
		assertThat(log.cursor()).isEqualTo(pushed);
		assertThat(log.findByCallId(Integer.toString(pushed - capacity))).isPresent();
		assertThat(log.findByCallId(Integer.toString(pushed - capacity - 1))).isEmpty();
	}

	@Test
	void functionsWhoseNamesHaveTheSameHashCodeAreToldApart() {
		assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
		InMemoryTraceLog log = new InMemoryTraceLog(10);
		log.accept(Traces.trace("1").fn("Aa").build());
		log.accept(Traces.trace("2").fn("BB").build());
		log.accept(Traces.trace("3").fn("Aa").build());
		assertThat(log.find(new TraceQuery("Aa", null, null, null, null, 10))).extracting(FnTrace::callId)
			.containsExactly("3", "1");
		assertThat(log.find(new TraceQuery("BB", null, null, null, null, 10))).extracting(FnTrace::callId)
			.containsExactly("2");
	}

	@Test
	void queryForAFunctionSkipsTheOthersButFindsEveryOneOfIts() {
		InMemoryTraceLog log = new InMemoryTraceLog(1_000);
		for (int i = 0; i < 2_500; i++) {
			log.accept(Traces.trace(Integer.toString(i)).fn("fn" + (i % 7)).build());
		}
		List<FnTrace> found = log.find(new TraceQuery("fn3", null, null, null, null, 1_000));
		List<String> expected = IntStream.range(1_500, 2_500)
			.map((i) -> 1_500 + 2_499 - i)
			.filter((i) -> i % 7 == 3)
			.mapToObj(Integer::toString)
			.toList();
		assertThat(found).extracting(FnTrace::callId).containsExactlyElementsOf(expected);
	}

	@Test
	@Timeout(value = 120, unit = TimeUnit.SECONDS)
	void queriesForAFunctionWhileWritersPushFindOnlyThatFunctionOnce() throws Exception {
		int writers = 4;
		int perWriter = 20_000;
		InMemoryTraceLog log = new InMemoryTraceLog(300);
		ExecutorService executor = Executors.newFixedThreadPool(writers + 1);
		try {
			CyclicBarrier start = new CyclicBarrier(writers + 1);
			AtomicBoolean writing = new AtomicBoolean(true);
			List<Future<?>> pushes = new ArrayList<>();
			for (int writer = 0; writer < writers; writer++) {
				int id = writer;
				pushes.add(executor.submit(() -> {
					start.await(60, TimeUnit.SECONDS);
					for (int i = 0; i < perWriter; i++) {
						log.accept(Traces.trace(id + "-" + i).fn("fn" + (i % 5)).build());
					}
					return null;
				}));
			}
			Future<Integer> queries = executor.submit(() -> {
				start.await(60, TimeUnit.SECONDS);
				int reads = 0;
				do {
					List<FnTrace> found = log.find(new TraceQuery("fn2", null, null, null, null, 300));
					assertThat(found).allSatisfy((trace) -> assertThat(trace.fnName()).isEqualTo("fn2"));
					assertThat(found).extracting(FnTrace::callId).doesNotHaveDuplicates();
					reads++;
				}
				while (writing.get());
				return reads;
			});
			for (Future<?> push : pushes) {
				push.get(60, TimeUnit.SECONDS);
			}
			writing.set(false);
			assertThat(queries.get(60, TimeUnit.SECONDS)).isPositive();
		}
		finally {
			executor.shutdownNow();
		}
		List<FnTrace> all = log.find(TraceQuery.newest(300));
		assertThat(all).hasSize(300);
		List<FnTrace> expected = all.stream().filter((trace) -> trace.fnName().equals("fn2")).toList();
		assertThat(log.find(new TraceQuery("fn2", null, null, null, null, 300))).containsExactlyElementsOf(expected);
	}

}
