package dev.fntrace.log;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import dev.fntrace.model.FnTrace;

/**
 * A {@link TraceLog} that keeps the last {@code capacity} traces in a ring of slots.
 * <p>
 * Writes are lock-free and allocate nothing: a writer claims the next sequence number
 * with one atomic increment, marks that number's slot as being written, stores its trace
 * and publishes the number. If a slow writer finds its slot already taken by a newer
 * number it gives up, so the ring always holds the newest trace of each slot. Readers
 * walk the sequence numbers from the newest down and keep a slot only if it holds exactly
 * the number they expect before and after reading its trace, so a trace is never read
 * twice and never read after it was evicted or cleared.
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
	 * The number of each slot's trace: {@link #EMPTY}, a published sequence number, or
	 * {@link #writing(long) a number being written}.
	 */
	private final AtomicLongArray numbers;

	private final AtomicReferenceArray<FnTrace> traces;

	/**
	 * Each slot's function key: the low 32 bits of its sequence number, then the hash
	 * code of its trace's function name. A query for one function skips a slot whose key
	 * names the expected number and another hash without reading its trace; a key written
	 * late by a writer that was overtaken names that writer's number, so it is never
	 * taken for the slot's newer trace.
	 */
	private final AtomicLongArray fnKeys;

	private final AtomicLong nextSequence = new AtomicLong();

	/** How many writers are done: their trace published, or given up. */
	private final LongAdder settled = new LongAdder();

	private final AtomicLong clearedBefore = new AtomicLong();

	/**
	 * Create a log that holds at most {@code capacity} traces.
	 * @param capacity the capacity, at least 1
	 */
	public InMemoryTraceLog(int capacity) {
		if (capacity < 1) {
			throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
		}
		if (capacity > (1 << 30)) {
			throw new IllegalArgumentException("capacity must be at most 2^30, was " + capacity);
		}
		this.capacity = capacity;
		int slots = (capacity == 1) ? 1 : Integer.highestOneBit(capacity - 1) << 1;
		this.mask = slots - 1;
		this.spread = (slots >= 256) ? Integer.numberOfTrailingZeros(slots) - SPREAD_BITS : 0;
		this.numbers = new AtomicLongArray(slots);
		for (int i = 0; i < slots; i++) {
			this.numbers.set(i, EMPTY);
		}
		this.traces = new AtomicReferenceArray<>(slots);
		this.fnKeys = new AtomicLongArray(slots);
		for (int i = 0; i < slots; i++) {
			this.fnKeys.set(i, NO_KEY);
		}
	}

	@Override
	public void accept(FnTrace trace) {
		long sequence = this.nextSequence.getAndIncrement();
		write(sequence, trace);
		this.settled.increment();
	}

	private void write(long sequence, FnTrace trace) {
		int index = slot(sequence);
		long marker = writing(sequence);
		long current = this.numbers.get(index);
		while (true) {
			if (numberOf(current) >= sequence) {
				return;
			}
			long witness = this.numbers.compareAndExchange(index, current, marker);
			if (witness == current) {
				break;
			}
			current = witness;
		}
		// A newer writer may mark the slot while this one stores (only after the ring
		// went round once while this writer stood still). The trace is swapped from one
		// read while this writer still held the mark, so a newer writer's trace, stored
		// after its mark, is never replaced.
		FnTrace before;
		do {
			before = this.traces.get(index);
			if (this.numbers.get(index) != marker) {
				return;
			}
		}
		while (!this.traces.compareAndSet(index, before, trace));
		this.fnKeys.setOpaque(index, fnKey(sequence, hash(trace.fnName())));
		this.numbers.compareAndSet(index, marker, sequence);
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
				long key = this.fnKeys.getOpaque(slot(sequence));
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
	 * it but not stored its trace yet, so that a query after the cursor still finds that
	 * trace. Only while a write is in flight does it walk the slots' numbers.
	 */
	@Override
	public long cursor() {
		long settled = this.settled.sum();
		long end = this.nextSequence.get();
		if (settled >= end) {
			return end;
		}
		long cursor = end;
		for (long sequence = end - 1, oldest = oldestVisible(end - 1); sequence >= oldest; sequence--) {
			if (this.numbers.get(slot(sequence)) < sequence) {
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
	 * Counted, not walked: the visible sequence numbers less those whose writers are
	 * still in flight. Exact when no write is in flight; while writes are, it may be off
	 * by the writes that started or ended during the call.
	 */
	@Override
	public int size() {
		long settled = this.settled.sum();
		long end = this.nextSequence.get();
		long visible = end - oldestVisible(end - 1);
		long inFlight = Math.max(end - settled, 0);
		return (int) Math.max(visible - inFlight, 0);
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
			if (this.numbers.get(index) == sequence) {
				FnTrace trace = this.traces.get(index);
				if (trace != null && this.numbers.get(index) == sequence
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
		int index = slot(sequence);
		if (this.numbers.get(index) != sequence) {
			return null;
		}
		FnTrace trace = this.traces.get(index);
		return (this.numbers.get(index) == sequence) ? trace : null;
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
	 * The sequence number a slot holds or is being written with.
	 * @param number what the slot's number says
	 * @return the number, or {@link #EMPTY} for an empty slot
	 */
	private static long numberOf(long number) {
		return (number < EMPTY) ? -2 - number : number;
	}

}
