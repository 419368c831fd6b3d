package dev.fntrace.capture;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

import dev.fntrace.model.CallIds;

/**
 * Makes call ids that are unique across restarts and instances: a random 64-bit prefix
 * drawn once per generator, then a sequence number in hex, as in
 * {@code 3f9a0c1d2e4b5a69-1b}. Cheaper than a random UUID per call. Each thread takes its
 * sequence numbers in blocks of {@value #BLOCK} from one shared counter, so that threads
 * calling at the same moment do not all update one counter per call. Ids are identifiers,
 * not an order: one thread's grow, but across threads they do not sort by start time (the
 * log keeps its own order).
 */
public final class CallIdGenerator {

	/** How many sequence numbers a thread takes from the shared counter at a time. */
	static final int BLOCK = 64;

	private final String prefix;

	/** How many sequence numbers were handed out in blocks. */
	private final AtomicLong taken = new AtomicLong();

	/** Per thread, its block: the next number, then the end of the block. */
	private final ThreadLocal<long[]> blocks = ThreadLocal.withInitial(() -> new long[2]);

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
		return CallIds.format(this.prefix, nextSequence());
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
		long[] block = this.blocks.get();
		long next = block[0];
		if (next == block[1]) {
			next = this.taken.getAndAdd(BLOCK) + 1;
			block[1] = next + BLOCK;
		}
		block[0] = next + 1;
		return next;
	}

}
