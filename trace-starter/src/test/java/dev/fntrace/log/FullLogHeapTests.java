package dev.fntrace.log;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

import dev.fntrace.model.DbOp;
import dev.fntrace.model.FnOutcome;
import dev.fntrace.model.FnTrace;
import dev.fntrace.model.FnType;
import dev.fntrace.model.ScheduleStatus;
import dev.fntrace.model.ScheduleTrace;
import dev.fntrace.model.TraceBuilder;
import dev.fntrace.model.TraceLimits;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A log full of the largest traces the default limits allow stays within the heap the
 * README states: {@value #STATED_BYTES_PER_TRACE} bytes per trace at most, so
 * {@code fntrace.capacity} (1 000 by default) times that for a full log. Every string is
 * of characters outside Latin-1, which Java stores in two bytes each: the worst case.
 */
class FullLogHeapTests {

	/**
	 * The worst-case size of one trace under the default limits, as the README states it.
	 */
	static final long STATED_BYTES_PER_TRACE = 200_000;

	private static final int TRACES = 300;

	@Test
	void fullLogOfWorstCaseTracesStaysWithinTheStatedHeap() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		InMemoryTraceLog log = new InMemoryTraceLog(TRACES);
		long before = usedHeapAfterGc(memory);
		for (int i = 0; i < TRACES; i++) {
			log.accept(worstCaseTrace(i));
		}
		long after = usedHeapAfterGc(memory);
		long perTrace = (after - before) / TRACES;
		assertThat(log.size()).isEqualTo(TRACES);
		assertThat(perTrace).as("measured bytes per worst-case trace")
			.isPositive()
			.isLessThanOrEqualTo(STATED_BYTES_PER_TRACE);
		System.out.printf("fntrace worst-case trace: %d bytes retained (stated bound %d)%n", perTrace,
				STATED_BYTES_PER_TRACE);
	}

	static FnTrace worstCaseTrace(int seed) {
		TraceLimits limits = TraceLimits.DEFAULTS;
		TraceBuilder trace = new TraceBuilder(text(seed, 40), text(seed, 100), FnType.MUTATION, text(seed, 129),
				text(seed, 129), text(seed, 40), text(seed, 40), 0L, 0L, limits);
		for (int op = 0; op < limits.maxOps() + 50; op++) {
			dev.fntrace.model.OpBuilder kept = trace.addOp(DbOp.UPDATE, text(seed + op, 100), text(seed + op, 101), op,
					1, true, text(seed + op, 2001), 10);
			if (kept != null) {
				kept.rowCount(op);
			}
		}
		for (int schedule = 0; schedule < limits.maxSchedules() + 50; schedule++) {
			trace.addSchedule(new ScheduleTrace(text(seed + schedule, 100), 1000L, 2000L, ScheduleStatus.PENDING));
		}
		return trace.finish(new FnOutcome.Ok(text(seed, 2001)), 1_000_000L);
	}

	private static String text(int seed, int length) {
		char[] chars = new char[length];
		for (int i = 0; i < length; i++) {
			chars[i] = (char) ('\u6771' + (seed + i) % 64);
		}
		return new String(chars);
	}

	private static long usedHeapAfterGc(MemoryMXBean memory) {
		long used = Long.MAX_VALUE;
		for (int i = 0; i < 5; i++) {
			System.gc();
			used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
		}
		return used;
	}

}
