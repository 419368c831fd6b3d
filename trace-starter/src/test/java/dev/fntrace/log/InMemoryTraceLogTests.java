package dev.fntrace.log;

import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

import dev.fntrace.model.FnTrace;

import static dev.fntrace.log.Traces.ok;
import static dev.fntrace.log.Traces.trace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link InMemoryTraceLog}, used from one thread.
 */
class InMemoryTraceLogTests {

	@Test
	void emptyLogFindsNothing() {
		InMemoryTraceLog log = new InMemoryTraceLog(3);
		assertThat(log.find(TraceQuery.newest(10))).isEmpty();
		assertThat(log.size()).isZero();
		assertThat(log.totalCount()).isZero();
	}

	@Test
	void findReturnsNewestFirst() {
		InMemoryTraceLog log = new InMemoryTraceLog(10);
		push(log, "1", "2", "3");
		assertThat(callIds(log.find(TraceQuery.newest(10)))).containsExactly("3", "2", "1");
	}

	@Test
	void fullLogEvictsTheOldest() {
		InMemoryTraceLog log = new InMemoryTraceLog(3);
		push(log, "1", "2", "3", "4", "5");
		assertThat(callIds(log.find(TraceQuery.newest(10)))).containsExactly("5", "4", "3");
	}

	@Test
	void logOfCapacityOneHoldsTheLatest() {
		InMemoryTraceLog log = new InMemoryTraceLog(1);
		push(log, "1", "2");
		assertThat(callIds(log.find(TraceQuery.newest(10)))).containsExactly("2");
		assertThat(log.size()).isEqualTo(1);
	}

	@Test
	void sizeCountsHeldTraces() {
		InMemoryTraceLog log = new InMemoryTraceLog(3);
		push(log, "1", "2");
		assertThat(log.size()).isEqualTo(2);
	}

	@Test
	void sizeIsAtMostCapacity() {
		InMemoryTraceLog log = new InMemoryTraceLog(3);
		push(log, "1", "2", "3", "4", "5");
		assertThat(log.size()).isEqualTo(3);
	}

	@Test
	void capacityIsAsCreated() {
		assertThat(new InMemoryTraceLog(7).capacity()).isEqualTo(7);
	}

	@Test
	void totalCountIncludesEvictedTraces() {
		InMemoryTraceLog log = new InMemoryTraceLog(3);
		push(log, "1", "2", "3", "4", "5");
		assertThat(log.totalCount()).isEqualTo(5);
	}

	@Test
	void totalCountIncludesClearedTraces() {
		InMemoryTraceLog log = new InMemoryTraceLog(3);
		push(log, "1", "2");
		log.clear();
		push(log, "3");
		assertThat(log.totalCount()).isEqualTo(3);
	}

	@Test
	void capacityBelowOneIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new InMemoryTraceLog(0)).withMessageContaining("0");
		assertThatIllegalArgumentException().isThrownBy(() -> new InMemoryTraceLog(-1));
	}

	// ---- filters

	@Test
	void findFiltersByFunction() {
		InMemoryTraceLog log = new InMemoryTraceLog(10);
		log.accept(trace("1").fn("placeBid").build());
		log.accept(trace("2").fn("getLots").build());
		log.accept(trace("3").fn("placeBid").build());
		assertThat(callIds(log.find(query("placeBid", null, null, null, null)))).containsExactly("3", "1");
	}

	@Test
	void findFiltersByStatusOk() {
		InMemoryTraceLog log = logWithEveryOutcome();
		assertThat(callIds(log.find(query(null, StatusFilter.OK, null, null, null)))).containsExactly("ok");
	}

	@Test
	void findFiltersByStatusError() {
		InMemoryTraceLog log = logWithEveryOutcome();
		assertThat(callIds(log.find(query(null, StatusFilter.ERROR, null, null, null)))).containsExactly("error");
	}

	@Test
	void findFiltersByStatusRolledBack() {
		InMemoryTraceLog log = logWithEveryOutcome();
		assertThat(callIds(log.find(query(null, StatusFilter.ROLLED_BACK, null, null, null))))
			.containsExactly("rolled_back");
	}

	@Test
	void findFiltersByStatusFailed() {
		InMemoryTraceLog log = logWithEveryOutcome();
		assertThat(callIds(log.find(query(null, StatusFilter.FAILED, null, null, null)))).containsExactly("rolled_back",
				"error");
	}

	@Test
	void findFiltersByUser() {
		InMemoryTraceLog log = new InMemoryTraceLog(10);
		log.accept(trace("1").user("alice").build());
		log.accept(trace("2").user("bob").build());
		log.accept(trace("3").build());
		assertThat(callIds(log.find(query(null, null, "alice", null, null)))).containsExactly("1");
	}

	@Test
	void findFiltersByTenant() {
		InMemoryTraceLog log = new InMemoryTraceLog(10);
		log.accept(trace("1").tenant("acme").build());
		log.accept(trace("2").build());
		log.accept(trace("3").tenant("acme").build());
		log.accept(trace("4").tenant("globex").build());
		assertThat(callIds(log.find(query(null, null, null, "acme", null)))).containsExactly("3", "1");
	}

	@Test
	void findFiltersByMinimumDurationInclusive() {
		InMemoryTraceLog log = new InMemoryTraceLog(10);
		log.accept(trace("1").duration(4.99).build());
		log.accept(trace("2").duration(5.0).build());
		log.accept(trace("3").duration(120.0).build());
		assertThat(callIds(log.find(query(null, null, null, null, 5.0)))).containsExactly("3", "2");
	}

	@Test
	void findCombinesEveryFilter() {
		InMemoryTraceLog log = new InMemoryTraceLog(20);
		log.accept(trace("match-1").fn("placeBid").user("alice").tenant("acme").duration(10).error("X").build());
		log.accept(trace("other-fn").fn("getLots").user("alice").tenant("acme").duration(10).error("X").build());
		log.accept(trace("other-status").fn("placeBid").user("alice").tenant("acme").duration(10).build());
		log.accept(trace("other-user").fn("placeBid").user("bob").tenant("acme").duration(10).error("X").build());
		log.accept(trace("no-user").fn("placeBid").tenant("acme").duration(10).error("X").build());
		log.accept(trace("other-tenant").fn("placeBid").user("alice").tenant("globex").duration(10).error("X").build());
		log.accept(trace("too-fast").fn("placeBid").user("alice").tenant("acme").duration(1).error("X").build());
		log.accept(trace("match-2").fn("placeBid").user("alice").tenant("acme").duration(50).rolledBack("Y").build());
		TraceQuery query = new TraceQuery("placeBid", StatusFilter.FAILED, "alice", "acme", 5.0, 10);
		assertThat(callIds(log.find(query))).containsExactly("match-2", "match-1");
	}

	@Test
	void findWithFunctionAndStatusNeedsBothToMatch() {
		InMemoryTraceLog log = new InMemoryTraceLog(10);
		log.accept(trace("1").fn("placeBid").error("X").build());
		log.accept(trace("2").fn("placeBid").build());
		log.accept(trace("3").fn("getLots").error("X").build());
		assertThat(callIds(log.find(query("placeBid", StatusFilter.ERROR, null, null, null)))).containsExactly("1");
	}

	@Test
	void findDoesNotMatchEvictedTraces() {
		InMemoryTraceLog log = new InMemoryTraceLog(2);
		log.accept(trace("1").fn("placeBid").build());
		log.accept(trace("2").fn("getLots").build());
		log.accept(trace("3").fn("getLots").build());
		assertThat(log.find(query("placeBid", null, null, null, null))).isEmpty();
	}

	// ---- limit

	@Test
	void findWithLimitZeroReturnsNothing() {
		InMemoryTraceLog log = new InMemoryTraceLog(10);
		push(log, "1", "2");
		assertThat(log.find(TraceQuery.newest(0))).isEmpty();
	}

	@Test
	void findWithLimitBelowMatchesReturnsTheNewest() {
		InMemoryTraceLog log = new InMemoryTraceLog(10);
		push(log, "1", "2", "3", "4");
		assertThat(callIds(log.find(TraceQuery.newest(2)))).containsExactly("4", "3");
	}

	@Test
	void findWithLimitAppliesAfterFiltering() {
		InMemoryTraceLog log = new InMemoryTraceLog(10);
		log.accept(trace("1").error("X").build());
		log.accept(trace("2").error("X").build());
		log.accept(trace("3").build());
		log.accept(trace("4").error("X").build());
		log.accept(trace("5").build());
		TraceQuery query = new TraceQuery(null, StatusFilter.ERROR, null, null, null, 2);
		assertThat(callIds(log.find(query))).containsExactly("4", "2");
	}

	@Test
	void findWithLimitAboveSizeReturnsEverything() {
		InMemoryTraceLog log = new InMemoryTraceLog(10);
		push(log, "1", "2");
		assertThat(log.find(TraceQuery.newest(1_000_000))).hasSize(2);
	}

	// ---- by call id

	@Test
	void findByCallIdFindsAHeldTrace() {
		InMemoryTraceLog log = new InMemoryTraceLog(3);
		FnTrace second = ok("2");
		log.accept(ok("1"));
		log.accept(second);
		log.accept(ok("3"));
		assertThat(log.findByCallId("2")).containsSame(second);
	}

	@Test
	void findByCallIdDoesNotFindAnEvictedTrace() {
		InMemoryTraceLog log = new InMemoryTraceLog(3);
		push(log, "1", "2", "3", "4");
		assertThat(log.findByCallId("1")).isEmpty();
		assertThat(log.findByCallId("2")).isPresent();
	}

	@Test
	void findByCallIdDoesNotFindAnUnknownId() {
		InMemoryTraceLog log = new InMemoryTraceLog(3);
		push(log, "1");
		assertThat(log.findByCallId("nope")).isEmpty();
	}

	@Test
	void findByCallIdDoesNotFindAClearedTrace() {
		InMemoryTraceLog log = new InMemoryTraceLog(3);
		push(log, "1");
		log.clear();
		assertThat(log.findByCallId("1")).isEmpty();
	}

	// ---- clear

	@Test
	void clearReturnsHowManyTracesItRemoved() {
		InMemoryTraceLog log = new InMemoryTraceLog(3);
		push(log, "1", "2");
		assertThat(log.clear()).isEqualTo(2);
	}

	@Test
	void clearOfAFullLogRemovesCapacityTraces() {
		InMemoryTraceLog log = new InMemoryTraceLog(3);
		push(log, "1", "2", "3", "4", "5");
		assertThat(log.clear()).isEqualTo(3);
	}

	@Test
	void clearOfAnEmptyLogRemovesNothing() {
		InMemoryTraceLog log = new InMemoryTraceLog(3);
		assertThat(log.clear()).isZero();
	}

	@Test
	void clearTwiceRemovesNothingTheSecondTime() {
		InMemoryTraceLog log = new InMemoryTraceLog(3);
		push(log, "1", "2");
		log.clear();
		assertThat(log.clear()).isZero();
	}

	@Test
	void clearEmptiesTheLog() {
		InMemoryTraceLog log = new InMemoryTraceLog(3);
		push(log, "1", "2", "3", "4");
		log.clear();
		assertThat(log.size()).isZero();
		assertThat(log.find(TraceQuery.newest(10))).isEmpty();
	}

	@Test
	void clearKeepsTotalCount() {
		InMemoryTraceLog log = new InMemoryTraceLog(3);
		push(log, "1", "2", "3", "4");
		log.clear();
		assertThat(log.totalCount()).isEqualTo(4);
	}

	@Test
	void tracesPushedAfterClearAreVisible() {
		InMemoryTraceLog log = new InMemoryTraceLog(3);
		push(log, "1", "2", "3", "4");
		log.clear();
		push(log, "5", "6");
		assertThat(callIds(log.find(TraceQuery.newest(10)))).containsExactly("6", "5");
		assertThat(log.size()).isEqualTo(2);
		assertThat(log.findByCallId("5")).isPresent();
	}

	@Test
	void logRefilledAfterClearEvictsAsBefore() {
		InMemoryTraceLog log = new InMemoryTraceLog(3);
		push(log, "1", "2");
		log.clear();
		push(log, "3", "4", "5", "6", "7");
		assertThat(callIds(log.find(TraceQuery.newest(10)))).containsExactly("7", "6", "5");
		assertThat(log.size()).isEqualTo(3);
		assertThat(log.clear()).isEqualTo(3);
	}

	// ---- a write in progress (white box: a writer claims its sequence number before it
	// stores its
	// trace; the claim is simulated by taking a number from the log's counter)

	@Test
	void claimedButUnwrittenSlotDoesNotShowTheTraceItEvicts() {
		InMemoryTraceLog log = new InMemoryTraceLog(3);
		push(log, "1", "2", "3", "4");
		claimSequence(log);
		// the claimed number's slot still holds "2", which that number evicts
		assertThat(callIds(log.find(TraceQuery.newest(10)))).containsExactly("4", "3");
		assertThat(log.findByCallId("2")).isEmpty();
		assertThat(log.size()).isEqualTo(2);
	}

	@Test
	void claimedButUnwrittenSlotOfAFreshLogShowsNothing() {
		InMemoryTraceLog log = new InMemoryTraceLog(3);
		push(log, "1");
		claimSequence(log);
		assertThat(callIds(log.find(TraceQuery.newest(10)))).containsExactly("1");
		assertThat(log.size()).isEqualTo(1);
	}

	// ---- copies

	@Test
	void foundListIsUnmodifiable() {
		InMemoryTraceLog log = new InMemoryTraceLog(3);
		push(log, "1");
		List<FnTrace> found = log.find(TraceQuery.newest(10));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> found.add(ok("2")));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> found.remove(0));
	}

	@Test
	void emptyFoundListIsUnmodifiable() {
		List<FnTrace> found = new InMemoryTraceLog(3).find(TraceQuery.newest(10));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> found.add(ok("1")));
	}

	@Test
	void foundListIsNotChangedByLaterWrites() {
		InMemoryTraceLog log = new InMemoryTraceLog(3);
		push(log, "1");
		List<FnTrace> found = log.find(TraceQuery.newest(10));
		push(log, "2", "3", "4");
		log.clear();
		assertThat(callIds(found)).containsExactly("1");
	}

	// ---- helpers

	private static void push(InMemoryTraceLog log, String... callIds) {
		for (String callId : callIds) {
			log.accept(ok(callId));
		}
	}

	private static void claimSequence(InMemoryTraceLog log) {
		AtomicLongArray counters = (AtomicLongArray) ReflectionTestUtils.getField(log, "counters");
		Integer next = (Integer) ReflectionTestUtils.getField(InMemoryTraceLog.class, "NEXT");
		assertThat(counters).as("the log's counters").isNotNull();
		assertThat(next).as("the index of its sequence counter").isNotNull();
		counters.getAndIncrement(next);
	}

	private static InMemoryTraceLog logWithEveryOutcome() {
		InMemoryTraceLog log = new InMemoryTraceLog(10);
		log.accept(trace("ok").build());
		log.accept(trace("error").error("X").build());
		log.accept(trace("rolled_back").rolledBack("Y").build());
		return log;
	}

	private static TraceQuery query(String fn, StatusFilter status, String user, String tenant, Double minDurationMs) {
		return new TraceQuery(fn, status, user, tenant, minDurationMs, 100);
	}

	private static List<String> callIds(List<FnTrace> traces) {
		return traces.stream().map(FnTrace::callId).toList();
	}

}
