package dev.fntrace.log;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;

import dev.fntrace.model.FnTrace;

/**
 * A {@link TraceLog} that keeps the last {@code capacity} traces in a ring of slots.
 * <p>
 * Writes are lock-free: a writer claims the next sequence number with one atomic
 * increment and stores its trace in that number's slot; if a slow writer finds its slot
 * already taken by a newer trace it gives up, so the ring always holds the newest trace
 * of each slot. Readers walk the sequence numbers from the newest down and keep a slot
 * only if it holds exactly the number they expect, so a trace is never read twice and
 * never read after it was evicted or cleared.
 */
public class InMemoryTraceLog implements TraceLog {

	private final int capacity;

	private final AtomicReferenceArray<Slot> slots;

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
		this.capacity = capacity;
		this.slots = new AtomicReferenceArray<>(capacity);
	}

	@Override
	public void accept(FnTrace trace) {
		long sequence = this.nextSequence.getAndIncrement();
		int index = (int) (sequence % this.capacity);
		Slot slot = new Slot(sequence, trace);
		Slot current = this.slots.get(index);
		while (current == null || current.sequence < sequence) {
			if (this.slots.compareAndSet(index, current, slot)) {
				return;
			}
			current = this.slots.get(index);
		}
	}

	@Override
	public List<FnTrace> find(TraceQuery query) {
		List<FnTrace> found = new ArrayList<>(Math.min(query.limit(), 64));
		long newest = this.nextSequence.get() - 1;
		long oldest = oldestVisible(newest);
		if (query.after() != null) {
			oldest = Math.max(oldest, query.after());
		}
		for (long sequence = newest; sequence >= oldest && found.size() < query.limit(); sequence--) {
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
	 * trace.
	 */
	@Override
	public long cursor() {
		long end = this.nextSequence.get();
		long cursor = end;
		for (long sequence = end - 1, oldest = oldestVisible(end - 1); sequence >= oldest; sequence--) {
			Slot slot = this.slots.get((int) (sequence % this.capacity));
			if (slot == null || slot.sequence < sequence) {
				cursor = sequence;
			}
		}
		return cursor;
	}

	@Override
	public int capacity() {
		return this.capacity;
	}

	@Override
	public int size() {
		long newest = this.nextSequence.get() - 1;
		int size = 0;
		for (long sequence = newest, oldest = oldestVisible(newest); sequence >= oldest; sequence--) {
			if (traceAt(sequence) != null) {
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
			int index = (int) (sequence % this.capacity);
			Slot slot = this.slots.get(index);
			if (slot != null && slot.sequence == sequence && this.slots.compareAndSet(index, slot, null)) {
				removed++;
			}
		}
		this.clearedBefore.accumulateAndGet(end, Math::max);
		return removed;
	}

	private long oldestVisible(long newest) {
		return Math.max(Math.max(0, newest - this.capacity + 1), this.clearedBefore.get());
	}

	private FnTrace traceAt(long sequence) {
		Slot slot = this.slots.get((int) (sequence % this.capacity));
		return (slot != null && slot.sequence == sequence) ? slot.trace : null;
	}

	private record Slot(long sequence, FnTrace trace) {
	}

}
