package dev.fntrace.log;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.util.ReflectionTestUtils;

import dev.fntrace.model.FnTrace;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the leases of {@link InMemoryTraceLog} (white box: a lease is taken only when
 * the counter is contended, so each test gives the test thread's stripe a lease the way a
 * contended writer would, and pushes the other traces from a second thread).
 */
class InMemoryTraceLogLeaseTests {

	private static final int CAPACITY = 1_000;

	private final ExecutorService other = Executors.newSingleThreadExecutor();

	@AfterEach
	void stopOther() {
		this.other.shutdownNow();
	}

	@Test
	void leasedNumbersShowInTheOrderTheyWereTaken() throws Exception {
		InMemoryTraceLog log = new InMemoryTraceLog(CAPACITY, 4);
		long start = lease(log);
		pushFromOtherThread(log, "o1", "o2");
		push(log, "t1", "t2");
		// the test thread's numbers were leased before the other thread's
		assertThat(callIds(log.find(TraceQuery.newest(10)))).containsExactly("o2", "o1", "t2", "t1");
		assertThat(log.size()).isEqualTo(4);
		assertThat(log.totalCount()).isEqualTo(4);
		// the lease's next number is not published yet: a query after the cursor finds
		// the trace it will hold (and the other thread's, already seen, as the cursor
		// allows)
		long cursor = log.cursor();
		assertThat(cursor).isEqualTo(start + 2);
		push(log, "t3");
		assertThat(callIds(log.find(new TraceQuery(null, null, null, null, null, 10, cursor, null))))
			.containsExactly("o2", "o1", "t3");
	}

	@Test
	void aLeaseLeftUnusedHalfARingIsGivenUpByItsNextWriter() throws Exception {
		InMemoryTraceLog log = logWithAStaleLease();
		push(log, "t2");
		List<String> held = callIds(log.find(TraceQuery.newest(CAPACITY)));
		assertThat(held).hasSize(CAPACITY).startsWith("t2", "o" + (CAPACITY - 1));
		assertThat(log.totalCount()).isEqualTo(CAPACITY + 2);
		// the writer leased again for t2 rather than take numbers one by one; the
		// given-up
		// numbers were published empty, so only its fresh lease holds the cursor back
		long t2 = writer(log)[0];
		assertThat(t2).isGreaterThan(CAPACITY);
		assertThat(stripes(log).get((int) writer(log)[1]) >>> 8).isEqualTo(t2 + 1);
		assertThat(log.cursor()).isEqualTo(t2 + 1);
	}

	@Test
	void cursorGivesUpAStaleLease() throws Exception {
		InMemoryTraceLog log = logWithAStaleLease();
		assertThat(log.cursor()).isEqualTo(counter(log));
		assertThat(log.totalCount()).isEqualTo(CAPACITY + 1);
		push(log, "t2");
		assertThat(callIds(log.find(TraceQuery.newest(1)))).containsExactly("t2");
	}

	@Test
	void aFreshLeaseIsNotGivenUpByTheCursor() throws Exception {
		InMemoryTraceLog log = new InMemoryTraceLog(CAPACITY, 4);
		long start = lease(log);
		pushFromOtherThread(log, "o1");
		assertThat(log.cursor()).isEqualTo(start);
		push(log, "t1");
		assertThat(callIds(log.find(TraceQuery.newest(10)))).containsExactly("o1", "t1");
	}

	@Test
	void aThreadNeverTakesALeasedNumberBelowOneItTook() throws Exception {
		InMemoryTraceLog log = new InMemoryTraceLog(CAPACITY, 4);
		push(log, "t0");
		// a lease taken by another writer of this stripe before this thread's last number
		long stale = counter(log) - 1;
		giveStripeLease(log, stale, 5);
		push(log, "t1");
		assertThat(callIds(log.find(TraceQuery.newest(10)))).containsExactly("t1", "t0");
	}

	@Test
	void aTraceAfterClearIsShownThoughItsThreadHeldALease() {
		InMemoryTraceLog log = new InMemoryTraceLog(CAPACITY, 4);
		lease(log);
		push(log, "t1");
		assertThat(log.clear()).isEqualTo(1);
		push(log, "t2");
		assertThat(callIds(log.find(TraceQuery.newest(10)))).containsExactly("t2");
		assertThat(log.size()).isEqualTo(1);
	}

	@Test
	void aStripeLeasesTheRestOfTheCountersBlock() {
		InMemoryTraceLog log = new InMemoryTraceLog(CAPACITY, 4);
		push(log, "t0", "t1", "t2");
		// a lease that ran out: the stripe leases again, up to the end of the block
		giveStripeLease(log, 3, 0);
		push(log, "t3");
		int lease = InMemoryTraceLog.LEASE;
		assertThat(counter(log)).isEqualTo(lease);
		assertThat(stripes(log).get((int) writer(log)[1])).isEqualTo((4L << 8) | (lease - 4));
		assertThat(log.totalCount()).isEqualTo(4);
		// a block boundary: the next lease is a whole block
		giveStripeLease(log, lease, 0);
		push(log, "t4");
		assertThat(counter(log)).isEqualTo(2 * lease);
		assertThat(callIds(log.find(TraceQuery.newest(10)))).containsExactly("t4", "t3", "t2", "t1", "t0");
	}

	@Test
	void aLeasingRingLaysConsecutiveBlocksApart() {
		for (int capacity : new int[] { 512, CAPACITY, 4_000, 20_000 }) {
			InMemoryTraceLog log = new InMemoryTraceLog(capacity, 4);
			int slots = ((AtomicLongArray) ReflectionTestUtils.getField(log, "numbers")).length();
			int lease = InMemoryTraceLog.LEASE;
			assertThat(slots % lease).isZero();
			int blocks = slots / lease;
			boolean[] taken = new boolean[slots];
			for (long sequence = 7L * slots; sequence < 8L * slots; sequence++) {
				int slot = slot(log, sequence);
				assertThat(taken[slot]).as("slot %d of capacity %d taken twice", slot, capacity).isFalse();
				taken[slot] = true;
				// a block's numbers fill one block of slots, in order
				assertThat(slot % lease).isEqualTo((int) (sequence % lease));
			}
			// the blocks two to four writers lease one after the other lie apart
			for (long block = 0; block < blocks; block++) {
				for (int next = 1; next <= 3; next++) {
					int apart = Math.abs(slot(log, block * lease) - slot(log, (block + next) * lease)) / lease;
					assertThat(Math.min(apart, blocks - apart))
						.as("capacity %d, block %d and %d", capacity, block, block + next)
						.isGreaterThanOrEqualTo(2);
				}
			}
		}
	}

	@Test
	void aLogWithoutRoomForTwoStripesTakesNoLeases() {
		assertThat(stripeCount(new InMemoryTraceLog(4 * 2 * InMemoryTraceLog.LEASE - 1, 16))).isZero();
		assertThat(stripeCount(new InMemoryTraceLog(4 * 2 * InMemoryTraceLog.LEASE, 16))).isEqualTo(2);
		assertThat(stripeCount(new InMemoryTraceLog(4 * 4 * InMemoryTraceLog.LEASE, 16))).isEqualTo(4);
		assertThat(stripeCount(new InMemoryTraceLog(100_000, 64))).isEqualTo(16);
	}

	/**
	 * A log in which the test thread pushed "t1" from a lease, then the other thread
	 * pushed {@code CAPACITY} traces: more than half the ring, so the lease went stale.
	 */
	private InMemoryTraceLog logWithAStaleLease() throws Exception {
		InMemoryTraceLog log = new InMemoryTraceLog(CAPACITY, 4);
		lease(log);
		push(log, "t1");
		pushFromOtherThread(log, callIds("o", CAPACITY));
		return log;
	}

	/**
	 * Give the test thread's stripe a fresh lease, as a writer that found the counter
	 * contended would.
	 * @return the first leased number
	 */
	private static long lease(InMemoryTraceLog log) {
		long start = counters(log).getAndAdd(intField("NEXT"), InMemoryTraceLog.LEASE);
		giveStripeLease(log, start, InMemoryTraceLog.LEASE);
		return start;
	}

	private static void giveStripeLease(InMemoryTraceLog log, long next, int remaining) {
		stripes(log).set((int) writer(log)[1], (next << 8) | remaining);
	}

	private static int slot(InMemoryTraceLog log, long sequence) {
		Integer slot = ReflectionTestUtils.invokeMethod(log, "slot", sequence);
		assertThat(slot).isNotNull();
		return slot;
	}

	private static long counter(InMemoryTraceLog log) {
		return counters(log).get(intField("NEXT"));
	}

	private static int stripeCount(InMemoryTraceLog log) {
		return Math.max(0, stripes(log).length() / intField("STRIPE_STRIDE") - 2);
	}

	private static AtomicLongArray counters(InMemoryTraceLog log) {
		return (AtomicLongArray) ReflectionTestUtils.getField(log, "counters");
	}

	private static AtomicLongArray stripes(InMemoryTraceLog log) {
		return (AtomicLongArray) ReflectionTestUtils.getField(log, "stripes");
	}

	private static int intField(String name) {
		Integer value = (Integer) ReflectionTestUtils.getField(InMemoryTraceLog.class, name);
		assertThat(value).as(name).isNotNull();
		return value;
	}

	/**
	 * Push from the other thread, on another stripe than the test thread's (a thread's id
	 * chooses its stripe, so the two could share one).
	 */
	private void pushFromOtherThread(InMemoryTraceLog log, String... callIds) throws Exception {
		int testStripe = (int) writer(log)[1];
		int stride = intField("STRIPE_STRIDE");
		this.other.submit(() -> {
			long[] writer = writer(log);
			if (writer[1] == testStripe) {
				writer[1] = (testStripe == stride) ? 2 * stride : stride;
			}
			push(log, callIds);
		}).get(30, TimeUnit.SECONDS);
	}

	private static long[] writer(InMemoryTraceLog log) {
		@SuppressWarnings("unchecked")
		ThreadLocal<long[]> writers = (ThreadLocal<long[]>) ReflectionTestUtils.getField(log, "writers");
		assertThat(writers).isNotNull();
		return writers.get();
	}

	private static void push(InMemoryTraceLog log, String... callIds) {
		for (String callId : callIds) {
			log.accept(Traces.ok(callId));
		}
	}

	private static String[] callIds(String prefix, int count) {
		String[] callIds = new String[count];
		for (int i = 0; i < count; i++) {
			callIds[i] = prefix + i;
		}
		return callIds;
	}

	private static List<String> callIds(List<FnTrace> traces) {
		return traces.stream().map(FnTrace::callId).toList();
	}

}
