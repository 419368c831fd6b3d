package dev.fntrace.test.library;

import java.time.Duration;
import java.util.List;

import dev.fntrace.insight.NPlusOneDetector;
import dev.fntrace.model.DbOp;
import dev.fntrace.model.FnTrace;
import dev.fntrace.model.FnType;
import dev.fntrace.test.AutoConfigureFnTrace;
import dev.fntrace.test.FnTraceRecorder;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static dev.fntrace.test.FnTraceAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatRuntimeException;

/**
 * Each assertion of the kit, passing and failing with its message, in a full application
 * context.
 */
@SpringBootTest
@AutoConfigureFnTrace
class FnTraceAssertionsTests {

	@Autowired
	private Library library;

	@Autowired
	private Catalog catalog;

	@Test
	void rolledBackCallPassesOutcomeAssertionsAndFailsOthersListingItsOps(FnTraceRecorder traces) {
		long shelfId = this.library.addShelf("Rollbacks").getId();
		traces.reset();
		assertThatRuntimeException().isThrownBy(() -> this.library.addBook(shelfId, "Free book", 0));

		assertThat(traces).call("addBook")
			.isRolledBack()
			.hasFailed()
			.withCode("PRICE_TOO_LOW")
			.withMessageContaining("must be positive")
			.hasType(FnType.MUTATION)
			.ran(1, DbOp.GET)
			.ran(DbOp.GET, "Shelf")
			.wroteNothing();
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(traces).call("addBook").isOk())
			.withMessage("Expected call addBook to be ok but it was rolled_back PRICE_TOO_LOW"
					+ " \"A price must be positive, was 0\".\nIt ran 1 op:\n   1. get     Shelf #" + shelfId
					+ "  select s1_0.id,s1_0.name from shelf s1_0 where s1_0.id=? (1 row)");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(traces).call("addBook").isRolledBack().withCode("BOOK_NOT_FOUND"))
			.withMessageStartingWith(
					"Expected call addBook to fail with code BOOK_NOT_FOUND but it was rolled_back" + " PRICE_TOO_LOW");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(traces).call("addBook").withMessageContaining("too expensive"))
			.withMessageStartingWith("Expected call addBook to fail with a message containing \"too expensive\"");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(traces).call("addBook").inserted("Book"))
			.withMessageStartingWith("Expected call addBook to run insert on Book but it did not.\n"
					+ "It ended rolled_back PRICE_TOO_LOW");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(traces).call("addBook").hasType(FnType.QUERY))
			.withMessageStartingWith("Expected call addBook to be a query but it was a mutation.");
	}

	@Test
	void erroredCallIsNotRolledBack(FnTraceRecorder traces) {
		assertThatRuntimeException().isThrownBy(() -> this.library.priceOf("Lost book"));

		assertThat(traces).call("priceOf")
			.isErrored()
			.hasFailed()
			.withCode("BOOK_NOT_FOUND")
			.hasType(FnType.ACTION)
			.ran(1, DbOp.LOOKUP);
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(traces).call("priceOf").isRolledBack())
			.withMessageStartingWith("Expected call priceOf to be rolled_back but it was error BOOK_NOT_FOUND"
					+ " \"No book titled Lost book\".\n")
			.withMessageContaining("lookup  Book  select ")
			.withMessageContaining("where b1_0.title=? fetch first ? rows only (0 rows)");
	}

	@Test
	void okCallThatInsertedPassesWriteAssertionsAndFailsFailureAssertions(FnTraceRecorder traces) {
		long shelfId = this.library.addShelf("Inserts").getId();
		traces.reset();
		long bookId = this.library.addBook(shelfId, "Dune", 12).getId();

		assertThat(traces).call("addBook")
			.isOk()
			.hasNoParent()
			.inserted("Book")
			.inserted("book")
			.ran(1, DbOp.INSERT)
			.ranAtMost(2)
			.scheduledNothing();
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(traces).call("addBook").hasFailed())
			.withMessage("Expected call addBook to fail but it was ok.\nIt ran 2 ops:\n   1. get     Shelf #" + shelfId
					+ "  select s1_0.id,s1_0.name from shelf s1_0 where s1_0.id=? (1 row)\n" + "   2. insert  Book #"
					+ bookId + "  insert into book (price,shelf_id,title,id) values (?,?,?,default) (1 row)");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(traces).call("addBook").withCode("PRICE_TOO_LOW"))
			.withMessageStartingWith("Expected call addBook to fail with code PRICE_TOO_LOW but it was ok.");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(traces).call("addBook").wroteNothing())
			.withMessageStartingWith("Expected call addBook to write nothing but it ran 1 write.");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(traces).call("addBook").deleted("Book"))
			.withMessageStartingWith("Expected call addBook to run delete on Book but it did not.");
	}

	@Test
	void deleteIsMatchedByDomainTypeAndByTable(FnTraceRecorder traces) {
		long shelfId = this.library.addShelf("Deletes").getId();
		long bookId = this.library.addBook(shelfId, "Old book", 3).getId();
		traces.reset();
		this.library.removeBook(bookId);

		assertThat(traces).call("removeBook").isOk().deleted("Book").deleted("BOOK").ran(2, DbOp.DELETE);
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(traces).call("removeBook").updated("Book"))
			.withMessageStartingWith("Expected call removeBook to run update on Book but it did not.")
			.withMessageContaining("   2. delete  book  delete from book where id=? (1 row)");
	}

	@Test
	void opCountsAreABudgetWithTheSqlInTheMessage(FnTraceRecorder traces) {
		this.library.countBooks();

		assertThat(traces).call("countBooks")
			.ran(1, DbOp.QUERY)
			.ranAtMost(1, DbOp.QUERY)
			.ranAtLeast(1, DbOp.QUERY)
			.ranAtMost(1)
			.ran(0, DbOp.INSERT)
			.hasNoNPlusOne();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(traces).call("countBooks").ranAtMost(0, DbOp.QUERY))
			.withMessage("Expected call countBooks to run at most 0 query ops but it ran 1.\n"
					+ "It ended ok. It ran 1 op:\n   1. query   Book  select count(*) from book b1_0 (1 row)");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(traces).call("countBooks").ranAtLeast(2, DbOp.QUERY))
			.withMessageStartingWith("Expected call countBooks to run at least 2 query ops but it ran 1.");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(traces).call("countBooks").ran(2, DbOp.QUERY))
			.withMessageStartingWith("Expected call countBooks to run exactly 2 query ops but it ran 1.");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(traces).call("countBooks").ranAtMost(0))
			.withMessageStartingWith("Expected call countBooks to run at most 0 ops but it ran 1.");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(traces).call("countBooks").ranNoOps())
			.withMessageStartingWith("Expected call countBooks to run no ops but it ran 1.");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(traces).allCalls().haveRunAtMost(0, DbOp.QUERY))
			.withMessageStartingWith("Expected every call to run at most 0 query ops but call countBooks ran 1.\n");
	}

	@Test
	void nPlusOneIsFoundByTheViewersRule(FnTraceRecorder traces) {
		for (int i = 0; i < NPlusOneDetector.DEFAULT_THRESHOLD; i++) {
			this.library.addShelf("Shelf " + i);
		}
		traces.reset();
		this.library.countBooksPerShelf();
		this.library.countBooks();

		FnTrace perShelf = traces.calls("countBooksPerShelf").get(0);
		assertThat(traces.nPlusOneDetector().detect(perShelf))
			.isEqualTo(new NPlusOneDetector(NPlusOneDetector.DEFAULT_THRESHOLD).detect(perShelf))
			.isNotEmpty();
		assertThat(traces).call("countBooksPerShelf").hasNPlusOne().ran(DbOp.LIST, "Shelf");
		assertThat(traces).call("countBooks").hasNoNPlusOne();
		String shelfSelect = "select b1_0.id,b1_0.price,b1_0.shelf_id,b1_0.title from book b1_0 where b1_0.shelf_id=?";
		int perShelfRuns = perShelf.ops().size() - 1;
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(traces).call("countBooksPerShelf").hasNoNPlusOne())
			.withMessageStartingWith("Expected call countBooksPerShelf to have no N+1 but it ran \"" + shelfSelect
					+ "\" " + perShelfRuns + " times (threshold 5).\n")
			.withMessageContaining("   2. list    Book  " + shelfSelect + " (");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(traces).allCalls().haveNoNPlusOne())
			.withMessageStartingWith("Expected no call to have an N+1 but call countBooksPerShelf ran \"" + shelfSelect
					+ "\" " + perShelfRuns + " times (threshold 5).\n");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(traces).hasNoNPlusOne())
			.withMessageStartingWith("Expected no call to have an N+1 but call countBooksPerShelf ran");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(traces).call("countBooks").hasNPlusOne())
			.withMessageStartingWith(
					"Expected call countBooks to have an N+1 (a statement run at least 5 times) but it had none.");
	}

	@Test
	void scheduledRunIsAwaitedAndKnowsItsScheduler(FnTraceRecorder traces) {
		long shelfId = this.library.addShelf("Reprices").getId();
		long bookId = this.library.addBook(shelfId, "Emma", 7).getId();
		traces.reset();
		this.library.scheduleReprice(bookId, Duration.ofMillis(10));

		assertThat(traces).call("scheduleReprice").isOk().scheduled("reprice").ranNoOps();
		String schedulerId = traces.call("scheduleReprice").callId();
		assertThat(traces).awaitCall("reprice", (run) -> schedulerId.equals(run.scheduledBy()), Duration.ofSeconds(10))
			.hasNoParent();
		assertThat(traces).awaitCall("reprice")
			.isOk()
			.wasScheduledBy("scheduleReprice")
			.wasScheduledBy(traces.calls("scheduleReprice").get(0))
			.hasNoParent()
			.updated("Book");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(traces).call("scheduleReprice").scheduledNothing())
			.withMessage("Expected call scheduleReprice to schedule nothing but it scheduled reprice.\n"
					+ "It ended ok. It ran no ops.\nIt scheduled:\n  - reprice after 10 ms (scheduled)");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(traces).call("scheduleReprice").hasDroppedSchedule("reprice"))
			.withMessageStartingWith("Expected call scheduleReprice to schedule reprice and drop it but it did not.");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(traces).call("reprice").wasScheduledBy("addBook"))
			.withMessageStartingWith("Expected call reprice to be scheduled by a call addBook but it was scheduled by"
					+ " call scheduleReprice " + schedulerId + ".");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(traces).call("scheduleReprice").wasScheduledBy("addBook"))
			.withMessageStartingWith(
					"Expected call scheduleReprice to be scheduled by a call addBook but no call" + " scheduled it.");
	}

	@Test
	void scheduleOfARolledBackCallIsDropped(FnTraceRecorder traces) {
		assertThatRuntimeException().isThrownBy(() -> this.library.scheduleRepriceAndFail(1));

		assertThat(traces).call("scheduleRepriceAndFail").isRolledBack().hasDroppedSchedule("reprice");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(traces).call("scheduleRepriceAndFail").scheduled("reprice"))
			.withMessageStartingWith("Expected call scheduleRepriceAndFail to schedule reprice but it did not.\n")
			.withMessageEndingWith("It scheduled:\n  - reprice after 1 ms (dropped)");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(traces).call("scheduleRepriceAndFail").scheduled("notify"))
			.withMessageStartingWith("Expected call scheduleRepriceAndFail to schedule notify but it did not.");
	}

	@Test
	void nestedCallsKnowTheirParent(FnTraceRecorder traces) {
		this.catalog.importShelf("Classics", List.of("Ulysses", "Middlemarch"));

		FnTrace importShelf = traces.calls("importShelf").get(0);
		assertThat(traces).call("importShelf").isOk().hasNoParent().ranNoOps();
		assertThat(traces).call("addShelf").hasParent("importShelf").hasParent(importShelf).inserted("Shelf");
		assertThat(traces).hasCallCount("addBook", 2)
			.calls("addBook")
			.hasSize(2)
			.areOk()
			.each((addBook) -> addBook.hasParent("importShelf").inserted("Book"));
		assertThat(traces).allCalls().hasSize(4).areOk().haveNoNPlusOne();
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(traces).call("addBook"))
			.withMessage("Expected one call addBook but there were 2.\nThe test made 4 calls:\n"
					+ "   1. addShelf ok, 1 op\n   2. addBook ok, 2 ops\n   3. addBook ok, 2 ops\n"
					+ "   4. importShelf ok, 0 ops");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(traces).lastCall("addBook").hasParent("addShelf"))
			.withMessageStartingWith("Expected call addBook to run inside a call addShelf but it ran inside call"
					+ " importShelf " + importShelf.callId() + ".");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(traces).lastCall("addBook").hasNoParent())
			.withMessageStartingWith("Expected call addBook to run inside no other call but it ran inside call"
					+ " importShelf " + importShelf.callId() + ".");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(traces).call("importShelf").hasParent("addShelf"))
			.withMessageStartingWith(
					"Expected call importShelf to run inside a call addShelf but it ran inside no other call.");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(traces).calls("addBook").hasSize(3))
			.withMessage("Expected 3 calls but there were 2:\n   1. addBook ok, 2 ops\n   2. addBook ok, 2 ops");
	}

	@Test
	void missingCallsAreReportedWithTheCallsTheTestMade(FnTraceRecorder traces) {
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(traces).call("countBooks"))
			.withMessage("Expected one call countBooks but there was none.\nThe test made no traced calls.");
		this.library.countBooks();

		assertThat(traces).hasCallCount("countBooks", 1).hasNoCall("addBook");
		assertThat(traces.call("countBooks").fnName()).isEqualTo("countBooks");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> traces.call("addBook"))
			.withMessage("Expected one call addBook but there was none.\nThe test made 1 call:\n"
					+ "   1. countBooks ok, 1 op");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(traces).hasNoCall("countBooks"))
			.withMessage("Expected 0 calls countBooks but there were 1.\nThe test made 1 call:\n"
					+ "   1. countBooks ok, 1 op");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(traces).lastCall("addBook"))
			.withMessageStartingWith("Expected a call addBook but there was none.\nThe test made 1 call:");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> traces.awaitCall("reprice", Duration.ofMillis(50)))
			.withMessage("Expected a call reprice within PT0.05S but there was none. The test made 1 call:\n"
					+ "   1. countBooks ok, 1 op");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(
					() -> traces.awaitCall("countBooks", (call) -> call.outcome().isFailure(), Duration.ofMillis(50)))
			.withMessage("Expected a call countBooks that matches within PT0.05S but there was none."
					+ " The test made 1 call:\n   1. countBooks ok, 1 op");
	}

	@Test
	void failedCallFailsAreOk(FnTraceRecorder traces) {
		this.library.countBooks();
		assertThatRuntimeException().isThrownBy(() -> this.library.priceOf("Nothing"));

		assertThat(traces).calls("countBooks").areOk();
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(traces).allCalls().areOk())
			.withMessageStartingWith("Expected every call to be ok but call priceOf was error BOOK_NOT_FOUND"
					+ " \"No book titled Nothing\".\nIt ended error BOOK_NOT_FOUND");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(traces).calls("addBook").isNotEmpty())
			.withMessageStartingWith("Expected calls but there were none.");
	}

	@Test
	void descriptionsAndAssertJsOwnAssertThatWork(FnTraceRecorder traces) {
		this.library.countBooks();

		Assertions.assertThat(traces).call("countBooks").isOk();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(traces).as("the count").call("countBooks").isRolledBack())
			.withMessageStartingWith("[the count] Expected call countBooks to be rolled_back but it was ok.");
		assertThat(traces).call("countBooks").ops().singleElement().satisfies((op) -> {
			assertThat(op.entity()).isEqualTo("Book");
			assertThat(op.rowCount()).isEqualTo(1);
		});
	}

}
