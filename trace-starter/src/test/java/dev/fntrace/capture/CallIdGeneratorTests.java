package dev.fntrace.capture;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

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
	void generatorsDrawDifferentPrefixes() {
		String first = new CallIdGenerator().next();
		String second = new CallIdGenerator().next();
		assertThat(first.substring(0, 17)).isNotEqualTo(second.substring(0, 17));
	}

}
