package dev.fntrace.capture;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

import dev.fntrace.model.CallIds;

/**
 * Makes call ids that are unique across restarts and instances: a random 64-bit prefix
 * drawn once per generator, then a sequence number in hex, as in
 * {@code 3f9a0c1d2e4b5a69-1b}. Cheaper than a random UUID per call. Ids are identifiers,
 * not an order: they do not sort by start time (the log keeps its own order).
 */
public final class CallIdGenerator {

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
		return CallIds.format(this.prefix, this.sequence.incrementAndGet());
	}

	/**
	 * The id of a sequence number, as {@link CallIds#format} writes it.
	 * @param prefix the prefix
	 * @param sequence the sequence number, positive
	 * @return the id
	 */
	static String format(String prefix, long sequence) {
		return CallIds.format(prefix, sequence);
	}

	/**
	 * The prefix of this generator's ids.
	 * @return the prefix, ending with {@code -}
	 */
	public String prefix() {
		return this.prefix;
	}

	/**
	 * The next sequence number: with {@link #prefix()}, a new id, written only when read.
	 * @return a new sequence number
	 */
	public long nextSequence() {
		return this.sequence.incrementAndGet();
	}

}
