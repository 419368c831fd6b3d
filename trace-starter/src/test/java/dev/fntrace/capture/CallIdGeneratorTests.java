package dev.fntrace.capture;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CallIdGenerator}.
 */
class CallIdGeneratorTests {

	@Test
	void idIsThePrefixInSixteenHexDigitsThenTheSequenceInHex() {
		CallIdGenerator ids = new CallIdGenerator(0x3f9a0c1d2e4b5a69L);
		assertThat(ids.next()).isEqualTo("3f9a0c1d2e4b5a69-1");
		assertThat(ids.next()).isEqualTo("3f9a0c1d2e4b5a69-2");
	}

	@Test
	void shortPrefixIsPaddedWithZeros() {
		assertThat(new CallIdGenerator(0x2aL).next()).isEqualTo("000000000000002a-1");
	}

	@Test
	void sequenceOfEveryLengthIsWrittenAsLongToHexStringWritesIt() {
		String prefix = "3f9a0c1d2e4b5a69-";
		long[] samples = { 1, 9, 0xa, 0xf, 0x10, 0x1b, 0xff, 0x100, 0xabc, 0xfff, 0x1000, 0xffff, 0x10000, 0xfffff,
				0x100000, 0xffffff, 0x1000000, 0xfffffff, 0x10000000, 0x7fffffffL, 0xffffffffL, 0x100000000L,
				0x123456789abcL, Long.MAX_VALUE };
		for (long sequence : samples) {
			assertThat(CallIdGenerator.format(prefix, sequence)).as("sequence %x", sequence)
				.isEqualTo(prefix + Long.toHexString(sequence));
		}
	}

	@Test
	void idsOfOneGeneratorAreUnique() {
		CallIdGenerator ids = new CallIdGenerator(7L);
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 70_000; i++) {
			assertThat(seen.add(ids.next())).isTrue();
		}
	}

	@Test
	@Timeout(value = 60, unit = TimeUnit.SECONDS)
	void threadsTakingIdsAtOnceGetUniqueIdsThatGrowPerThread() throws Exception {
		CallIdGenerator ids = new CallIdGenerator(7L);
		int threads = 4;
		int perThread = 50_000;
		Set<Long> seen = ConcurrentHashMap.newKeySet();
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			CyclicBarrier start = new CyclicBarrier(threads);
			List<Future<?>> takers = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				takers.add(executor.submit(() -> {
					start.await(10, TimeUnit.SECONDS);
					long last = 0;
					for (int i = 0; i < perThread; i++) {
						long sequence = ids.nextSequence();
						assertThat(sequence).isGreaterThan(last);
						assertThat(seen.add(sequence)).as("sequence %d taken once", sequence).isTrue();
						last = sequence;
					}
					return null;
				}));
			}
			for (Future<?> taker : takers) {
				taker.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(seen).hasSize(threads * perThread);
		// each thread leaves at most one block partly unused
		assertThat(seen.stream().mapToLong(Long::longValue).max().getAsLong())
			.isLessThanOrEqualTo((long) threads * perThread + threads * CallIdGenerator.BLOCK);
	}

	@Test
	void aThreadTakesItsNumbersInBlocks() throws Exception {
		CallIdGenerator ids = new CallIdGenerator(7L);
		assertThat(ids.nextSequence()).isEqualTo(1);
		Thread other = new Thread(() -> assertThat(ids.nextSequence()).isEqualTo(CallIdGenerator.BLOCK + 1));
		List<Throwable> failures = new ArrayList<>();
		other.setUncaughtExceptionHandler((thread, ex) -> failures.add(ex));
		other.start();
		other.join(10_000);
		assertThat(failures).isEmpty();
		assertThat(ids.nextSequence()).isEqualTo(2);
	}

	@Test
	void generatorsDrawDifferentPrefixes() {
		String first = new CallIdGenerator().next();
		String second = new CallIdGenerator().next();
		assertThat(first.substring(0, 17)).isNotEqualTo(second.substring(0, 17));
	}

}
