package dev.fntrace.log;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;

import dev.fntrace.model.FnTrace;

/**
 * A {@link TraceLog} that keeps the last {@code capacity} traces in a ring of slots.
 * <p>
 * Writes are lock-free and allocate nothing. A writer takes a sequence number, marks that
 * number's slot as being written, swaps its trace in while it holds the mark and
 * publishes the number. If a slow writer finds its slot already taken by a newer number
 * it gives up, and a newer writer may take a slot over from an older one still writing
 * (only when the ring went round while that one worked), so the ring always holds the
 * newest trace of each slot. Readers walk the sequence numbers from the newest down and
 * keep a slot only if it holds exactly the number they expect before and after reading
 * its trace, so a trace is never read twice and never read after it was evicted or
 * cleared. The log shows the newest {@code capacity} published numbers.
 * <p>
 * A writer takes its number with one compare-and-set on a shared counter. When that fails
 * (other writers are pushing at the same moment), its stripe (a thread's id chooses it)
 * leases the rest of a block of {@value #LEASE} numbers, and keeps leasing while it uses
 * them up, so that writers on different cores take their numbers from their own stripe
 * and write slots of their own. A leasing log lays its blocks out of order (block
 * {@code b} of a ring at place {@code b * step} modulo the blocks), so that the blocks
 * two writers lease one after the other lie apart in memory, and the hardware's prefetch
 * of one writer's next lines seldom takes the lines another is writing; the lines of a
 * slot are the same from one ring to the next, so writers still hand them over. A thread
 * never takes a number below one it took before, so each thread's traces keep their
 * order; across threads, the newest-first order is the order in which numbers were taken,
 * and under contention a trace may show some places away from where its finish time would
 * put it, never more than half the ring. A lease left unused that long is given up (by
 * its next writer, which leases again, or by {@link #cursor()}) and its unused numbers
 * are published empty. So in any ring's worth of numbers a stripe has at most one open
 * lease and three given up, and the ring has that room beyond {@code capacity} (rounded
 * up to whole blocks): at most as many slots again as the capacity and one block, fewer
 * stripes for a small log, none for one that has no room for two.
 * <p>
 * A slot takes 12 bytes (compressed references): its number, with the hash of its trace's
 * function name in the low bits, and its trace.
 */
public class InMemoryTraceLog implements TraceLog {

	/** How many sequence numbers a stripe leases at a time. */
	static final int LEASE = 64;

	/** The number of a slot no trace was ever written to. */
	private static final long EMPTY = -1;

	/**
	 * A slot's published number is its sequence number above {@value #KEY_BITS} bits of
	 * key: the lowest bit set when the slot holds a trace, then bits of the hash code of
	 * its function's name. Sequence numbers stay below 2^47: at a million traces a
	 * second, four years.
	 */
	private static final int KEY_BITS = 16;

	private static final long KEY_MASK = (1L << KEY_BITS) - 1;

	/** The key bit of a slot that holds a trace (a given-up number's slot holds none). */
	private static final long HOLDS_TRACE = 1;

	/**
	 * A stripe's lease is one long: the next number above {@value #REMAINING_BITS} bits
	 * that count how many numbers are left.
	 */
	private static final int REMAINING_BITS = 8;

	private static final long REMAINING = (1L << REMAINING_BITS) - 1;

	/** The lease of a stripe whose writer is taking a new block from the counter. */
	private static final long LEASING = REMAINING;

	/** Longs from one stripe to the next: 128 bytes, so no two share a cache line. */
	private static final int STRIPE_STRIDE = 16;

	private static final int NEXT = STRIPE_STRIDE;

	private static final int CLEARED = 2 * STRIPE_STRIDE;

	private static final int SKIPPED = 3 * STRIPE_STRIDE;

	/** The most stripes a log has. */
	private static final int MAX_STRIPES = 16;

	private final int capacity;

	/** How many slots the ring has: {@code capacity} and room for given-up leases. */
	private final int slots;

	/** The stripes less one (a power of two less one), or -1 when leases are off. */
	private final int stripeMask;

	/** How far behind the counter a leased number may be and still be used. */
	private final long staleAfter;

	/** The ring's blocks of {@value #LEASE} slots when it leases, else 0. */
	private final int blocks;

	/**
	 * Where the ring lays a block after the block before it: a step prime to the number
	 * of blocks near its golden section, so that the blocks leased one after the other,
	 * by two or four writers at once, lie several blocks apart.
	 */
	private final long blockStep;

	/**
	 * Per slot, the number of its trace: {@link #EMPTY}, a published sequence number with
	 * its {@link #KEY_BITS key}, or {@link #writing(long) a number being written}. A
	 * query for one function skips a slot whose key names another hash, or no trace,
	 * without reading its trace.
	 */
	private final AtomicLongArray numbers;

	private final AtomicReferenceArray<FnTrace> traces;

	/**
	 * Per stripe, {@link #STRIPE_STRIDE} longs apart and after a stride of padding, its
	 * lease: 0 when it holds none (its writers take numbers one by one),
	 * {@link #LEASING}, or the next number and how many are left (none left: it leases
	 * again).
	 */
	private final AtomicLongArray stripes;

	/**
	 * The log's counters, each on a cache line of its own: at {@link #NEXT} the next
	 * sequence number, at {@link #CLEARED} the first number not cleared, at
	 * {@link #SKIPPED} how many numbers were given up unused with their leases.
	 */
	private final AtomicLongArray counters = new AtomicLongArray(5 * STRIPE_STRIDE);

	/**
	 * Per thread: at 0 the number it took last (it never takes a leased number below it,
	 * so each thread's traces keep their order), at 1 its stripe's index. A thread starts
	 * on the stripe of its id (threads made one after another get stripes in turn) and
	 * moves to the next when it collides with another.
	 */
	private final ThreadLocal<long[]> writers = ThreadLocal
		.withInitial(() -> new long[] { -1, stripeIndex(threadStripe()) });

	/**
	 * Create a log that holds at most {@code capacity} traces, with a stripe per
	 * processor (at least two) where the capacity leaves room for them.
	 * @param capacity the capacity, at least 1
	 */
	public InMemoryTraceLog(int capacity) {
		this(capacity, Integer.highestOneBit(Math.max(2, Runtime.getRuntime().availableProcessors()) - 1) << 1);
	}

	/**
	 * Create a log whose writers lease numbers on up to a given number of stripes.
	 * @param capacity the capacity, at least 1
	 * @param stripes the most stripes, a power of two; fewer if the room their leases
	 * need is more than the capacity, none if that leaves fewer than two
	 */
	InMemoryTraceLog(int capacity, int stripes) {
		if (capacity < 1) {
			throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
		}
		if (capacity > (1 << 29)) {
			throw new IllegalArgumentException("capacity must be at most 2^29, was " + capacity);
		}
		if (Integer.bitCount(stripes) != 1) {
			throw new IllegalArgumentException("stripes must be a power of two, was " + stripes);
		}
		this.capacity = capacity;
		// A lease is given up only once it is half a ring behind the counter, so the
		// leases one stripe gave up start more than half a ring apart: in any ring's
		// worth of numbers a stripe has at most three given up and one open.
		stripes = Math.min(stripes, MAX_STRIPES);
		while (stripes > 1 && room(stripes) > capacity) {
			stripes >>= 1;
		}
		boolean leasing = stripes > 1;
		this.blocks = leasing ? (capacity + room(stripes) + LEASE - 1) / LEASE : 0;
		this.blockStep = leasing ? blockStep(this.blocks) : 0;
		this.slots = leasing ? this.blocks * LEASE : capacity;
		this.stripeMask = leasing ? stripes - 1 : -1;
		// at most the capacity, so that a leased number still shows when first used
		this.staleAfter = this.slots / 2;
		this.numbers = new AtomicLongArray(this.slots);
		for (int i = 0; i < this.slots; i++) {
			this.numbers.set(i, EMPTY);
		}
		this.traces = new AtomicReferenceArray<>(this.slots);
		this.stripes = new AtomicLongArray(leasing ? STRIPE_STRIDE * (stripes + 2) : 0);
	}

	@Override
	public void accept(FnTrace trace) {
		long sequence = (this.stripeMask < 0) ? this.counters.getAndIncrement(NEXT) : claim();
		write(sequence, trace, hash(trace.fnName()));
	}

	/**
	 * Take a sequence number: from this thread's stripe's lease if it holds one, else
	 * from the counter, leasing a block when the counter is contended.
	 * @return the number
	 */
	private long claim() {
		long[] writer = this.writers.get();
		int at = (int) writer[1];
		long lease = this.stripes.get(at);
		boolean stale = false;
		if ((lease & REMAINING) != 0 && lease != LEASING) {
			long next = lease >>> REMAINING_BITS;
			if (next < leaseFloor()) {
				// this stripe's writer was away while others pushed: it leases again
				giveUp(at, lease);
				lease = this.stripes.get(at);
				stale = true;
			}
			else if (next > writer[0]) {
				if (this.stripes.compareAndSet(at, lease, lease + (1L << REMAINING_BITS) - 1)) {
					writer[0] = next;
					return next;
				}
				writer[1] = stripeIndex(at / STRIPE_STRIDE);
			}
		}
		// a stripe whose lease ran out or went stale leases again; one without a lease
		// leases when the counter is contended
		long sequence;
		if (lease == 0 && !stale) {
			sequence = this.counters.get(NEXT);
			if (this.counters.compareAndSet(NEXT, sequence, sequence + 1)) {
				writer[0] = sequence;
				return sequence;
			}
			lease = this.stripes.get(at);
		}
		if ((lease & REMAINING) == 0 && this.stripes.compareAndSet(at, lease, LEASING)) {
			// the rest of the counter's block, so that each lease fills slots of one
			// block
			long end;
			do {
				sequence = this.counters.get(NEXT);
				end = (sequence | (LEASE - 1)) + 1;
			}
			while (!this.counters.compareAndSet(NEXT, sequence, end));
			this.stripes.set(at, ((sequence + 1) << REMAINING_BITS) | (end - sequence - 1));
		}
		else {
			sequence = this.counters.getAndIncrement(NEXT);
		}
		writer[0] = sequence;
		return sequence;
	}

	@SuppressWarnings("deprecation") // Thread.threadId() is Java 19+
	private static int threadStripe() {
		return (int) Thread.currentThread().getId();
	}

	private static int room(int stripes) {
		return 4 * stripes * LEASE;
	}

	/**
	 * The step between the places of consecutive blocks: the number prime to
	 * {@code blocks} nearest below {@code 0.618 * blocks}.
	 */
	private static long blockStep(int blocks) {
		for (int step = Math.max(1, (int) (blocks * 0.618)); step > 1; step--) {
			if (gcd(step, blocks) == 1) {
				return step;
			}
		}
		return 1;
	}

	private static int gcd(int a, int b) {
		return (b == 0) ? a : gcd(b, a % b);
	}

	private int stripeIndex(int stripe) {
		return ((stripe & this.stripeMask) + 1) * STRIPE_STRIDE;
	}

	/**
	 * The oldest leased number a writer may still use: one far enough behind the counter
	 * would show too far from its place, or fall off the ring.
	 */
	private long leaseFloor() {
		return Math.max(this.counters.get(NEXT) - this.staleAfter, this.counters.get(CLEARED));
	}

	/**
	 * Give a stripe's lease up and publish its unused numbers empty; the stripe's writers
	 * go back to taking numbers one by one.
	 */
	private void giveUp(int at, long lease) {
		if (!this.stripes.compareAndSet(at, lease, 0)) {
			return;
		}
		long next = lease >>> REMAINING_BITS;
		long remaining = lease & REMAINING;
		this.counters.addAndGet(SKIPPED, remaining);
		for (long sequence = next; sequence < next + remaining; sequence++) {
			write(sequence, null, 0);
		}
	}

	/**
	 * Write a trace, or {@code null} for a number given up, to a sequence number's slot.
	 */
	private void write(long sequence, FnTrace trace, int fnHash) {
		int index = slot(sequence);
		long marker = writing(sequence);
		long current = this.numbers.get(index);
		while (true) {
			if (sequenceOf(current) >= sequence) {
				return;
			}
			long witness = this.numbers.compareAndExchange(index, current, marker);
			if (witness == current) {
				break;
			}
			current = witness;
		}
		// A newer writer may mark the slot while this one stores (only after the ring
		// went round once while this writer worked). The trace is swapped from one read
		// while this writer still held the mark, so a newer writer's trace, stored after
		// its mark, is never replaced.
		FnTrace before;
		do {
			before = this.traces.get(index);
			if (this.numbers.get(index) != marker) {
				return;
			}
		}
		while (!this.traces.compareAndSet(index, before, trace));
		this.numbers.compareAndSet(index, marker, published(sequence, trace != null, fnHash));
	}

	@Override
	public List<FnTrace> find(TraceQuery query) {
		List<FnTrace> found = new ArrayList<>(Math.min(query.limit(), 64));
		long end = this.counters.get(NEXT);
		long lowest = Math.max(lowest(end), (query.after() != null) ? query.after() : 0);
		boolean byFunction = query.fn() != null;
		long fnKey = byFunction ? key(true, hash(query.fn())) : 0;
		int visible = 0;
		for (long sequence = end - 1; sequence >= lowest && visible < this.capacity
				&& found.size() < query.limit(); sequence--) {
			int index = slot(sequence);
			long number = this.numbers.get(index);
			if (!publishes(number, sequence) || (number & HOLDS_TRACE) == 0) {
				continue;
			}
			// another function's trace is skipped without reading it
			if (byFunction && (number & KEY_MASK) != fnKey) {
				visible++;
				continue;
			}
			FnTrace trace = traceAt(sequence, index);
			if (trace != null) {
				visible++;
				if (query.matches(trace)) {
					found.add(trace);
				}
			}
		}
		return List.copyOf(found);
	}

	@Override
	public Optional<FnTrace> findByCallId(String callId) {
		long end = this.counters.get(NEXT);
		int visible = 0;
		for (long sequence = end - 1, lowest = lowest(end); sequence >= lowest && visible < this.capacity; sequence--) {
			FnTrace trace = traceAt(sequence);
			if (trace != null) {
				if (trace.callId().equals(callId)) {
					return Optional.of(trace);
				}
				visible++;
			}
		}
		return Optional.empty();
	}

	@Override
	public void forEach(Consumer<? super FnTrace> action) {
		long end = this.counters.get(NEXT);
		int visible = 0;
		for (long sequence = end - 1, lowest = lowest(end); sequence >= lowest && visible < this.capacity; sequence--) {
			FnTrace trace = traceAt(sequence);
			if (trace != null) {
				action.accept(trace);
				visible++;
			}
		}
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * The cursor is the next sequence number, or the oldest one in the ring that was
	 * taken or leased but not published yet, so that a query after the cursor still finds
	 * its trace. It walks the ring's numbers, after giving up the leases that went stale
	 * (a writer would give them up rather than use them).
	 */
	@Override
	public long cursor() {
		if (this.stripeMask >= 0) {
			long floor = leaseFloor();
			for (int at = STRIPE_STRIDE; at < this.stripes.length() - STRIPE_STRIDE; at += STRIPE_STRIDE) {
				long lease = this.stripes.get(at);
				if ((lease & REMAINING) != 0 && lease != LEASING && (lease >>> REMAINING_BITS) < floor) {
					giveUp(at, lease);
				}
			}
		}
		long end = this.counters.get(NEXT);
		long cursor = end;
		for (long sequence = end - 1, lowest = lowest(end); sequence >= lowest; sequence--) {
			if (slotSequence(sequence) < sequence) {
				cursor = sequence;
			}
		}
		return cursor;
	}

	@Override
	public int capacity() {
		return this.capacity;
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Walked, not counted: the newest slots that hold their published number and a trace,
	 * at most {@code capacity}. Exact when no write is in flight.
	 */
	@Override
	public int size() {
		long end = this.counters.get(NEXT);
		int size = 0;
		for (long sequence = end - 1, lowest = lowest(end); sequence >= lowest && size < this.capacity; sequence--) {
			int index = slot(sequence);
			if (publishes(this.numbers.get(index), sequence) && this.traces.get(index) != null) {
				size++;
			}
		}
		return size;
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * The numbers taken, less those leased but not used. Exact when no write is in
	 * flight.
	 */
	@Override
	public long totalCount() {
		long unused = this.counters.get(SKIPPED);
		for (int at = STRIPE_STRIDE; at < this.stripes.length() - STRIPE_STRIDE; at += STRIPE_STRIDE) {
			long lease = this.stripes.get(at);
			if (lease != LEASING) {
				unused += lease & REMAINING;
			}
		}
		return this.counters.get(NEXT) - unused;
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Also drops the traces the ring still held beyond the visible ones.
	 */
	@Override
	public int clear() {
		long end = this.counters.get(NEXT);
		int removed = 0;
		for (long sequence = end - 1, lowest = lowest(end); sequence >= lowest; sequence--) {
			int index = slot(sequence);
			if (publishes(this.numbers.get(index), sequence)) {
				FnTrace trace = this.traces.get(index);
				boolean dropped = trace != null && publishes(this.numbers.get(index), sequence)
						&& this.traces.compareAndSet(index, trace, null);
				// only the newest 'capacity' were shown: the older ones count as evicted
				if (dropped && removed < this.capacity) {
					removed++;
				}
			}
		}
		this.counters.accumulateAndGet(CLEARED, end, Math::max);
		return removed;
	}

	/**
	 * The slot of a sequence number: its place in its block, and its block's place in the
	 * ring, when the log leases.
	 * @param sequence the number
	 * @return the slot's index
	 */
	private int slot(long sequence) {
		if (this.blocks == 0) {
			return (int) (sequence % this.slots);
		}
		long block = (sequence / LEASE) % this.blocks;
		return (int) ((block * this.blockStep) % this.blocks) * LEASE + (int) (sequence % LEASE);
	}

	/**
	 * The oldest number the ring may still hold: one ring's worth below the next number,
	 * and not cleared.
	 */
	private long lowest(long end) {
		return Math.max(Math.max(0, end - this.slots), this.counters.get(CLEARED));
	}

	/**
	 * The number a slot publishes: the sequence number and its key.
	 */
	private static long published(long sequence, boolean holdsTrace, int fnHash) {
		return (sequence << KEY_BITS) | key(holdsTrace, fnHash);
	}

	private static long key(boolean holdsTrace, int fnHash) {
		return holdsTrace ? (((fnHash ^ (fnHash >>> KEY_BITS)) << 1) & KEY_MASK) | HOLDS_TRACE : 0;
	}

	private static int hash(String fnName) {
		return (fnName != null) ? fnName.hashCode() : 0;
	}

	private FnTrace traceAt(long sequence) {
		return traceAt(sequence, slot(sequence));
	}

	private FnTrace traceAt(long sequence, int index) {
		long number = this.numbers.get(index);
		if (!publishes(number, sequence)) {
			return null;
		}
		FnTrace trace = this.traces.get(index);
		return (this.numbers.get(index) == number) ? trace : null;
	}

	/**
	 * The mark of a slot whose writer of a sequence number is storing its trace.
	 * @param sequence the number
	 * @return the mark, below {@link #EMPTY}
	 */
	private static long writing(long sequence) {
		return -2 - sequence;
	}

	/**
	 * What the slot of a sequence number says its number is.
	 * @param sequence the sequence number
	 * @return {@link #EMPTY}, the sequence number published there, or a mark below
	 * {@link #EMPTY}
	 */
	private long slotSequence(long sequence) {
		long number = this.numbers.get(slot(sequence));
		return (number >= 0) ? number >>> KEY_BITS : number;
	}

	/**
	 * Whether a slot's number is a sequence number's, published.
	 * @param number what the slot's number says
	 * @param sequence the sequence number
	 * @return whether the slot holds that number's trace, or its given-up emptiness
	 */
	private static boolean publishes(long number, long sequence) {
		return number >= 0 && number >>> KEY_BITS == sequence;
	}

	/**
	 * The sequence number a slot's number holds or is being written with.
	 * @param number what the slot's number says
	 * @return the sequence number, or {@link #EMPTY} for an empty slot
	 */
	private static long sequenceOf(long number) {
		if (number >= 0) {
			return number >>> KEY_BITS;
		}
		return (number < EMPTY) ? -2 - number : number;
	}

}
