package dev.fntrace.log;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.test.util.ReflectionTestUtils;

import dev.fntrace.model.FnTrace;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link InMemoryTraceLog} under concurrent writers, readers and clears. Every
 * loop is bounded and every wait has a timeout; nothing asserts on timing.
 * <p>
 * Writer {@code w} writes traces {@code w<w>-0} to {@code w<w>-4999} in that order. A
 * writer claims its sequence numbers in program order, so for each writer the order of
 * its own traces is also the log's order: that is what makes the per-writer assertions
 * below provable.
 */
class InMemoryTraceLogConcurrencyTests {

	private static final int WRITERS = 8;

	private static final int PER_WRITER = 5_000;

	private static final int TOTAL = WRITERS * PER_WRITER;

	/**
	 * Upper bound on the reads of one reader thread, so that a reader can never spin
	 * forever.
	 */
	private static final int MAX_READS = 20_000;

	private static final long WAIT_SECONDS = 60;

	private ExecutorService executor;

	@AfterEach
	void stopThreads() {
		if (this.executor != null) {
			this.executor.shutdownNow();
		}
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	@Timeout(value = 120, unit = TimeUnit.SECONDS)
	void logLargeEnoughForEveryWriteKeepsEveryTraceOnce(boolean leasing) throws Exception {
		InMemoryTraceLog log = log(TOTAL, leasing);
		run(log, 2, false);

		List<FnTrace> held = log.find(TraceQuery.newest(TOTAL + 1));
		assertThat(held).hasSize(TOTAL);
		assertNoDuplicates(held);
		assertNewestFirstPerWriter(held);
		Set<String> expected = IntStream.range(0, WRITERS)
			.boxed()
			.flatMap((writer) -> IntStream.range(0, PER_WRITER).mapToObj((index) -> callId(writer, index)))
			.collect(Collectors.toSet());
		assertThat(held.stream().map(FnTrace::callId).collect(Collectors.toSet())).isEqualTo(expected);
		assertThat(log.size()).isEqualTo(TOTAL);
		assertThat(log.totalCount()).isEqualTo(TOTAL);
	}

	@ParameterizedTest
	@CsvSource({ "1000, false", "1000, true", "7, false", "1, false" })
	@Timeout(value = 120, unit = TimeUnit.SECONDS)
	void fullLogKeepsExactlyTheNewestCapacityTraces(int capacity, boolean leasing) throws Exception {
		InMemoryTraceLog log = log(capacity, leasing);
		run(log, 2, false);

		assertThat(log.size()).isEqualTo(capacity);
		assertThat(log.totalCount()).isEqualTo(TOTAL);
		List<FnTrace> held = log.find(TraceQuery.newest(TOTAL));
		assertThat(held).hasSize(capacity);
		assertNoDuplicates(held);
		assertNewestFirstPerWriter(held);
		// The log holds the writes with the newest 'capacity' sequence numbers. A
		// writer's sequence numbers grow with its own index, so what the log holds of
		// each writer is a run of that writer's newest writes: indexes n..4999, never a
		// gap, never more than 'capacity' of them.
		Map<Integer, TreeSet<Integer>> heldByWriter = indexesByWriter(held);
		heldByWriter.forEach((writer, indexes) -> {
			int count = indexes.size();
			assertThat(count).as("traces held of writer %d", writer).isLessThanOrEqualTo(capacity);
			assertThat(indexes.first()).as("oldest held index of writer %d", writer)
				.isGreaterThanOrEqualTo(PER_WRITER - capacity);
			assertThat(indexes).as("held indexes of writer %d", writer)
				.containsExactlyElementsOf(IntStream.range(PER_WRITER - count, PER_WRITER).boxed().toList());
		});
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	@Timeout(value = 120, unit = TimeUnit.SECONDS)
	void clearWhileWritingLeavesTheLogConsistent(boolean leasing) throws Exception {
		int capacity = 1_000;
		InMemoryTraceLog log = log(capacity, leasing);
		Run run = run(log, 1, true);

		int size = log.size();
		assertThat(size).isBetween(0, capacity);
		assertThat(log.totalCount()).isEqualTo(TOTAL);
		// each trace is removed by at most one clear, and a trace still held was never
		// removed
		assertThat(run.removed + size).isLessThanOrEqualTo(TOTAL);
		List<FnTrace> held = log.find(TraceQuery.newest(TOTAL));
		assertThat(held).hasSize(size);
		assertNoDuplicates(held);
		assertNewestFirstPerWriter(held);
		for (FnTrace trace : held) {
			assertThat(log.findByCallId(trace.callId())).containsSame(trace);
		}

		assertThat(log.clear()).isEqualTo(size);
		assertThat(log.size()).isZero();
		assertThat(log.find(TraceQuery.newest(TOTAL))).isEmpty();
		log.accept(Traces.ok("after"));
		assertThat(log.find(TraceQuery.newest(10))).extracting(FnTrace::callId).containsExactly("after");
		assertThat(log.totalCount()).isEqualTo(TOTAL + 1);
	}

	/**
	 * A log whose writers take numbers as contention decides, or, with {@code leasing},
	 * one whose every stripe starts with a used-up lease, so that its writers lease
	 * blocks from their first push on (white box: the stripes' leases are set the way a
	 * contended writer leaves them, whatever the machine's contention).
	 */
	private static InMemoryTraceLog log(int capacity, boolean leasing) {
		InMemoryTraceLog log = new InMemoryTraceLog(capacity, 4);
		if (leasing) {
			AtomicLongArray stripes = (AtomicLongArray) ReflectionTestUtils.getField(log, "stripes");
			Integer stride = (Integer) ReflectionTestUtils.getField(InMemoryTraceLog.class, "STRIPE_STRIDE");
			assertThat(stripes).isNotNull();
			assertThat(stride).isNotNull();
			assertThat(stripes.length()).as("the log has stripes").isGreaterThan(2 * stride);
			for (int at = stride; at < stripes.length() - stride; at += stride) {
				stripes.set(at, 1L << 8);
			}
		}
		return log;
	}

	/**
	 * Start the writers, the readers and optionally a thread that clears, all together;
	 * wait for the writers, then stop the others.
	 */
	private Run run(InMemoryTraceLog log, int readers, boolean clearing) throws Exception {
		int threads = WRITERS + readers + (clearing ? 1 : 0);
		this.executor = Executors.newFixedThreadPool(threads);
		CyclicBarrier start = new CyclicBarrier(threads);
		AtomicBoolean writing = new AtomicBoolean(true);
		List<Future<?>> writers = new ArrayList<>();
		for (int writer = 0; writer < WRITERS; writer++) {
			int id = writer;
			writers.add(this.executor.submit(() -> {
				start.await(WAIT_SECONDS, TimeUnit.SECONDS);
				for (int index = 0; index < PER_WRITER; index++) {
					log.accept(Traces.ok(callId(id, index)));
				}
				return null;
			}));
		}
		List<Future<Integer>> readerResults = new ArrayList<>();
		for (int reader = 0; reader < readers; reader++) {
			int limit = (reader % 2 == 0) ? 500 : TOTAL;
			readerResults.add(this.executor.submit(read(log, limit, start, writing)));
		}
		Future<Long> clearer = clearing ? this.executor.submit(() -> {
			start.await(WAIT_SECONDS, TimeUnit.SECONDS);
			long removed = 0;
			for (int clears = 0; writing.get() && clears < MAX_READS; clears++) {
				int cleared = log.clear();
				assertThat(cleared).isBetween(0, log.capacity());
				removed += cleared;
			}
			return removed;
		}) : null;

		try {
			for (Future<?> writer : writers) {
				writer.get(WAIT_SECONDS, TimeUnit.SECONDS);
			}
		}
		finally {
			writing.set(false);
		}
		int reads = 0;
		for (Future<Integer> reader : readerResults) {
			reads += reader.get(WAIT_SECONDS, TimeUnit.SECONDS);
		}
		long removed = (clearer != null) ? clearer.get(WAIT_SECONDS, TimeUnit.SECONDS) : 0;
		return new Run(reads, removed);
	}

	/**
	 * A reader that checks every result it gets while the writers run.
	 */
	private static Callable<Integer> read(InMemoryTraceLog log, int limit, CyclicBarrier start, AtomicBoolean writing) {
		return () -> {
			start.await(WAIT_SECONDS, TimeUnit.SECONDS);
			int reads = 0;
			// at least one read, even if the writers were all done before this thread ran
			do {
				List<FnTrace> found = log.find(TraceQuery.newest(limit));
				assertThat(found.size()).isLessThanOrEqualTo(Math.min(limit, log.capacity()));
				assertNoDuplicates(found);
				assertNewestFirstPerWriter(found);
				assertThat(log.size()).isBetween(0, log.capacity());
				reads++;
			}
			while (writing.get() && reads < MAX_READS);
			return reads;
		};
	}

	private static void assertNoDuplicates(List<FnTrace> traces) {
		Set<String> seen = new HashSet<>();
		for (FnTrace trace : traces) {
			assertThat(seen.add(trace.callId())).as("call id %s seen once in %d traces", trace.callId(), traces.size())
				.isTrue();
		}
	}

	/**
	 * Newest first means that, for each writer, its indexes come in strictly decreasing
	 * order.
	 */
	private static void assertNewestFirstPerWriter(List<FnTrace> traces) {
		Map<Integer, Integer> last = new HashMap<>();
		for (FnTrace trace : traces) {
			int writer = writerOf(trace);
			int index = indexOf(trace);
			Integer previous = last.put(writer, index);
			if (previous != null) {
				assertThat(index).as("index of writer %d after %d", writer, previous).isLessThan(previous);
			}
		}
	}

	private static Map<Integer, TreeSet<Integer>> indexesByWriter(List<FnTrace> traces) {
		Map<Integer, TreeSet<Integer>> byWriter = new TreeMap<>();
		for (FnTrace trace : traces) {
			byWriter.computeIfAbsent(writerOf(trace), (writer) -> new TreeSet<>()).add(indexOf(trace));
		}
		return byWriter;
	}

	private static String callId(int writer, int index) {
		return "w" + writer + "-" + index;
	}

	private static int writerOf(FnTrace trace) {
		String callId = trace.callId();
		return Integer.parseInt(callId.substring(1, callId.indexOf('-')));
	}

	private static int indexOf(FnTrace trace) {
		String callId = trace.callId();
		return Integer.parseInt(callId.substring(callId.indexOf('-') + 1));
	}

	private record Run(int reads, long removed) {
	}

}
