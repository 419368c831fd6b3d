package dev.fntrace.capture;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes call ids that are unique across restarts and instances: a random 64-bit prefix
 * drawn once per generator, then a sequence number in hex, as in
 * {@code 3f9a0c1d2e4b5a69-1b}. Cheaper than a random UUID per call. Ids are identifiers,
 * not an order: they do not sort by start time (the log keeps its own order).
 */
public final class CallIdGenerator {

	private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

	private final String prefix;

	private final AtomicLong sequence = new AtomicLong();

	/**
	 * Create a generator with a prefix drawn from a {@link SecureRandom}.
	 */
	public CallIdGenerator() {
		this(new SecureRandom().nextLong());
	}

	CallIdGenerator(long prefix) {
		String hex = Long.toHexString(prefix);
		this.prefix = "0".repeat(16 - hex.length()) + hex + "-";
	}

	/**
	 * The next call id.
	 * @return a new id
	 */
	public String next() {
		return format(this.prefix, this.sequence.incrementAndGet());
	}

	/**
	 * The prefix followed by a sequence number in hex, without leading zeros. Up to eight
	 * digits, the digits are concatenated as characters, so that the id is the only
	 * string made (not a string of the digits first, then the id).
	 * @param prefix the prefix
	 * @param sequence the sequence number, positive
	 * @return the id
	 */
	static String format(String prefix, long sequence) {
		int digits = Math.max(1, (67 - Long.numberOfLeadingZeros(sequence)) >> 2);
		return switch (digits) {
			case 1 -> prefix + hex(sequence, 0);
			case 2 -> prefix + hex(sequence, 1) + hex(sequence, 0);
			case 3 -> prefix + hex(sequence, 2) + hex(sequence, 1) + hex(sequence, 0);
			case 4 -> prefix + hex(sequence, 3) + hex(sequence, 2) + hex(sequence, 1) + hex(sequence, 0);
			case 5 ->
				prefix + hex(sequence, 4) + hex(sequence, 3) + hex(sequence, 2) + hex(sequence, 1) + hex(sequence, 0);
			case 6 -> prefix + hex(sequence, 5) + hex(sequence, 4) + hex(sequence, 3) + hex(sequence, 2)
					+ hex(sequence, 1) + hex(sequence, 0);
			case 7 -> prefix + hex(sequence, 6) + hex(sequence, 5) + hex(sequence, 4) + hex(sequence, 3)
					+ hex(sequence, 2) + hex(sequence, 1) + hex(sequence, 0);
			case 8 -> prefix + hex(sequence, 7) + hex(sequence, 6) + hex(sequence, 5) + hex(sequence, 4)
					+ hex(sequence, 3) + hex(sequence, 2) + hex(sequence, 1) + hex(sequence, 0);
			default -> prefix.concat(Long.toHexString(sequence));
		};
	}

	private static char hex(long value, int digit) {
		return HEX_DIGITS[(int) (value >>> (digit << 2)) & 0xF];
	}

}
