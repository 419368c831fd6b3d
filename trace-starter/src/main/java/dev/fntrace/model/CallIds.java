package dev.fntrace.model;

/**
 * Writes call ids: a prefix (unique per generator, such as {@code 3f9a0c1d2e4b5a69-})
 * then a sequence number in hex without leading zeros. Traces keep the two parts and
 * write the id only when it is read.
 */
public final class CallIds {

	private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

	private CallIds() {
	}

	/**
	 * The prefix followed by a sequence number in hex, without leading zeros. Up to eight
	 * digits, the digits are concatenated as characters, so that the id is the only
	 * string made (not a string of the digits first, then the id).
	 * @param prefix the prefix
	 * @param sequence the sequence number, positive
	 * @return the id
	 */
	public static String format(String prefix, long sequence) {
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
