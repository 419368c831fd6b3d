package dev.fntrace.log;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;

import dev.fntrace.model.FnTrace;

/**
 * A {@link TraceLog} that keeps the last {@code capacity} traces in a ring of slots.
 * <p>
 * Writes are lock-free and allocate nothing: a writer claims the next sequence number
 * with one atomic increment, marks that number's slot as being written, swaps its trace
 * in while it holds the mark and publishes the number. If a slow writer finds its slot
 * already taken by a newer number it gives up, and a newer writer may take a slot over
 * from an older one still writing (only when the ring went round while that one worked),
 * so the ring always holds the newest trace of each slot. Readers walk the sequence
 * numbers from the newest down and keep a slot only if it holds exactly the number they
 * expect before and after reading its trace, so a trace is never read twice and never
 * read after it was evicted or cleared.
 * <p>
 * The ring has a power-of-two number of slots, at least {@code capacity}; only the newest
 * {@code capacity} numbers are visible, and the few slots beyond them may keep an evicted
 * trace in memory until it is overwritten.
 */
public class InMemoryTraceLog implements TraceLog {

	/** The number of a slot no trace was ever written to. */
	private static final long EMPTY = -1;

	/**
	 * How many low bits of a sequence number choose the region of the ring: consecutive
	 * numbers go to slots far apart, so that writers on different cores do not write the
	 * same cache line.
	 */
	private static final int SPREAD_BITS = 4;

	/** The function key of a slot no trace was ever written to. */
	private static final long NO_KEY = 0xFFFFFFFFL << 32;

	private final int capacity;

	private final int mask;

	/**
	 * How far {@link #slot} moves a sequence number's low bits up, 0 for a small ring.
	 */
	private final int spread;

	/**
	 * Two longs per slot, side by side so that a writer touches one cache line for both.
	 * At {@code 2 * slot}, the number of the slot's trace: {@link #EMPTY}, a published
	 * sequence number, or {@link #writing(long) a number being written}. At
	 * {@code 2 * slot + 1}, the slot's function key: the low 32 bits of its sequence
	 * number, then the hash code of its trace's function name. A query for one function
	 * skips a slot whose key names the expected number and another hash without reading
	 * its trace.
	 */
	private final AtomicLongArray numbersAndKeys;

	private final AtomicReferenceArray<FnTrace> traces;

	private final AtomicLong nextSequence = new AtomicLong();

	private final AtomicLong clearedBefore = new AtomicLong();

	/**
	 * Create a log that holds at most {@code capacity} traces.
	 * @param capacity the capacity, at least 1
	 */
	public InMemoryTraceLog(int capacity) {
		if (capacity < 1) {
			throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
		}
		if (capacity > (1 << 29)) {
			throw new IllegalArgumentException("capacity must be at most 2^29, was " + capacity);
		}
		this.capacity = capacity;
		int slots = (capacity == 1) ? 1 : Integer.highestOneBit(capacity - 1) << 1;
		this.mask = slots - 1;
		this.spread = (slots >= 256) ? Integer.numberOfTrailingZeros(slots) - SPREAD_BITS : 0;
		this.numbersAndKeys = new AtomicLongArray(2 * slots);
		for (int i = 0; i < slots; i++) {
			this.numbersAndKeys.set(numberAt(i), EMPTY);
			this.numbersAndKeys.set(keyAt(i), NO_KEY);
		}
		this.traces = new AtomicReferenceArray<>(slots);
	}

	@Override
	public void accept(FnTrace trace) {
		long sequence = this.nextSequence.getAndIncrement();
		int index = slot(sequence);
		int numberAt = numberAt(index);
		long marker = writing(sequence);
		long current = this.numbersAndKeys.get(numberAt);
		while (true) {
			if (sequenceOf(current) >= sequence) {
				return;
			}
			long witness = this.numbersAndKeys.compareAndExchange(numberAt, current, marker);
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
			if (this.numbersAndKeys.get(numberAt) != marker) {
				return;
			}
		}
		while (!this.traces.compareAndSet(index, before, trace));
		this.numbersAndKeys.setOpaque(keyAt(index), fnKey(sequence, hash(trace.fnName())));
		this.numbersAndKeys.compareAndSet(numberAt, marker, sequence);
	}

	@Override
	public List<FnTrace> find(TraceQuery query) {
		List<FnTrace> found = new ArrayList<>(Math.min(query.limit(), 64));
		long newest = this.nextSequence.get() - 1;
		long oldest = oldestVisible(newest);
		if (query.after() != null) {
			oldest = Math.max(oldest, query.after());
		}
		boolean byFunction = query.fn() != null;
		int fnHash = byFunction ? hash(query.fn()) : 0;
		for (long sequence = newest; sequence >= oldest && found.size() < query.limit(); sequence--) {
			// another function's trace is skipped without reading it
			if (byFunction) {
				long key = this.numbersAndKeys.getOpaque(keyAt(slot(sequence)));
				if ((int) (key >>> 32) == (int) sequence && (int) key != fnHash) {
					continue;
				}
			}
			FnTrace trace = traceAt(sequence);
			if (trace != null && query.matches(trace)) {
				found.add(trace);
			}
		}
		return List.copyOf(found);
	}

	@Override
	public Optional<FnTrace> findByCallId(String callId) {
		long newest = this.nextSequence.get() - 1;
		long oldest = oldestVisible(newest);
		for (long sequence = newest; sequence >= oldest; sequence--) {
			FnTrace trace = traceAt(sequence);
			if (trace != null && trace.callId().equals(callId)) {
				return Optional.of(trace);
			}
		}
		return Optional.empty();
	}

	@Override
	public void forEach(Consumer<? super FnTrace> action) {
		long newest = this.nextSequence.get() - 1;
		for (long sequence = newest, oldest = oldestVisible(newest); sequence >= oldest; sequence--) {
			FnTrace trace = traceAt(sequence);
			if (trace != null) {
				action.accept(trace);
			}
		}
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * The cursor is the next sequence number, or the oldest one whose writer has claimed
	 * it but not published its trace yet, so that a query after the cursor still finds
	 * that trace. It walks the visible slots' numbers.
	 */
	@Override
	public long cursor() {
		long end = this.nextSequence.get();
		long cursor = end;
		for (long sequence = end - 1, oldest = oldestVisible(end - 1); sequence >= oldest; sequence--) {
			if (slotNumber(sequence) < sequence) {
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
	 * Walked, not counted: the visible slots that hold their published number. Exact when
	 * no write is in flight.
	 */
	@Override
	public int size() {
		long end = this.nextSequence.get();
		int size = 0;
		for (long sequence = end - 1, oldest = oldestVisible(end - 1); sequence >= oldest; sequence--) {
			if (slotNumber(sequence) == sequence && this.traces.get(slot(sequence)) != null) {
				size++;
			}
		}
		return size;
	}

	@Override
	public long totalCount() {
		return this.nextSequence.get();
	}

	@Override
	public int clear() {
		long end = this.nextSequence.get();
		int removed = 0;
		for (long sequence = end - 1, oldest = oldestVisible(end - 1); sequence >= oldest; sequence--) {
			int index = slot(sequence);
			if (slotNumber(sequence) == sequence) {
				FnTrace trace = this.traces.get(index);
				if (trace != null && slotNumber(sequence) == sequence
						&& this.traces.compareAndSet(index, trace, null)) {
					removed++;
				}
			}
		}
		this.clearedBefore.accumulateAndGet(end, Math::max);
		return removed;
	}

	/**
	 * The slot of a sequence number: a one-to-one mapping of the ring's numbers onto its
	 * slots that puts consecutive numbers {@code 1/16} of the ring apart.
	 * @param sequence the number
	 * @return the slot's index
	 */
	private int slot(long sequence) {
		int index = (int) sequence & this.mask;
		if (this.spread == 0) {
			return index;
		}
		return ((index & ((1 << SPREAD_BITS) - 1)) << this.spread) | (index >>> SPREAD_BITS);
	}

	private static long fnKey(long sequence, int fnHash) {
		return ((long) (int) sequence << 32) | (fnHash & 0xFFFFFFFFL);
	}

	private static int hash(String fnName) {
		return (fnName != null) ? fnName.hashCode() : 0;
	}

	private long oldestVisible(long newest) {
		return Math.max(Math.max(0, newest - this.capacity + 1), this.clearedBefore.get());
	}

	private FnTrace traceAt(long sequence) {
		if (slotNumber(sequence) != sequence) {
			return null;
		}
		FnTrace trace = this.traces.get(slot(sequence));
		return (slotNumber(sequence) == sequence) ? trace : null;
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
	 * @return {@link #EMPTY}, the number published there, or a mark below {@link #EMPTY}
	 */
	private long slotNumber(long sequence) {
		return this.numbersAndKeys.get(numberAt(slot(sequence)));
	}

	/**
	 * The sequence number a slot's number holds or is being written with.
	 * @param number what the slot's number says
	 * @return the sequence number, or {@link #EMPTY} for an empty slot
	 */
	private static long sequenceOf(long number) {
		return (number < EMPTY) ? -2 - number : number;
	}

	private static int numberAt(int slot) {
		return slot << 1;
	}

	private static int keyAt(int slot) {
		return (slot << 1) + 1;
	}

}
