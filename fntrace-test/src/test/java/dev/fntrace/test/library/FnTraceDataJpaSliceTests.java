package dev.fntrace.test.library;

import dev.fntrace.model.DbOp;
import dev.fntrace.test.AutoConfigureFnTrace;
import dev.fntrace.test.FnTraceRecorder;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static dev.fntrace.test.FnTraceAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatRuntimeException;

/**
 * The kit in a {@code @DataJpaTest} slice, which has none of fntrace's
 * auto-configurations until {@link AutoConfigureFnTrace @AutoConfigureFnTrace} imports
 * them: calls are traced with their repository operations and SQL, and the N+1 rule uses
 * the application's threshold. The tests run outside the slice's own transaction (as
 * production code does), so that each call owns its transaction; one test shows what
 * changes inside it.
 */
@DataJpaTest(properties = "fntrace.insights.n-plus-one-threshold=3")
@AutoConfigureFnTrace
@Import({ Library.class, Repricer.class })
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class FnTraceDataJpaSliceTests {

	@Autowired
	private Library library;

	@Test
	void rolledBackCallIsRecordedWithItsRepositoryOpsAndSql(FnTraceRecorder traces) {
		long shelfId = this.library.addShelf("Slice rollbacks").getId();
		traces.reset();
		assertThatRuntimeException().isThrownBy(() -> this.library.addBook(shelfId, "Free book", -5));

		assertThat(traces).call("addBook")
			.isRolledBack()
			.withCode("PRICE_TOO_LOW")
			.ran(DbOp.GET, "Shelf")
			.wroteNothing();
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(traces).call("addBook").isOk())
			.withMessageStartingWith("Expected call addBook to be ok but it was rolled_back PRICE_TOO_LOW"
					+ " \"A price must be positive, was -5\".\n")
			.withMessageContaining("It ran 1 op:\n   1. get     Shelf #" + shelfId
					+ "  select s1_0.id,s1_0.name from shelf s1_0 where s1_0.id=? (1 row)");
	}

	@Test
	void insertIsRecordedWithItsSql(FnTraceRecorder traces) {
		long shelfId = this.library.addShelf("Slice inserts").getId();
		this.library.addBook(shelfId, "Persuasion", 9);

		assertThat(traces).call("addShelf").isOk().inserted("Shelf").ranAtMost(1);
		assertThat(traces).call("addBook").isOk().inserted("Book").ops().anySatisfy((op) -> {
			assertThat(op.op()).isEqualTo(DbOp.INSERT);
			assertThat(op.sql()).startsWith("insert into book");
		});
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(traces).call("addBook").ranAtMost(0, DbOp.INSERT))
			.withMessageStartingWith("Expected call addBook to run at most 0 insert ops but it ran 1.\n")
			.withMessageContaining("insert into book (price,shelf_id,title,id) values (?,?,?,default) (1 row)");
	}

	@Test
	void nPlusOneUsesTheApplicationsThreshold(FnTraceRecorder traces) {
		for (int i = 0; i < 3; i++) {
			this.library.addShelf("Slice shelf " + i);
		}
		traces.reset();
		this.library.countBooksPerShelf();
		this.library.countBooks();

		assertThat(traces.nPlusOneDetector().threshold()).isEqualTo(3);
		assertThat(traces).call("countBooksPerShelf").hasNPlusOne();
		assertThat(traces).call("countBooks").hasNoNPlusOne();
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(traces).hasNoNPlusOne())
			.withMessageStartingWith("Expected no call to have an N+1 but call countBooksPerShelf ran \"select ")
			.withMessageContaining("where b1_0.shelf_id=?\" ")
			.withMessageContaining(" times (threshold 3).\n");
	}

	@Test
	@Transactional
	void insideTheTestsTransactionACallDoesNotRollBackItself(FnTraceRecorder traces) {
		long shelfId = this.library.addShelf("Slice joins").getId();
		traces.reset();
		assertThatRuntimeException().isThrownBy(() -> this.library.addBook(shelfId, "Free book", 0));

		assertThat(traces).call("addBook").isErrored().withCode("PRICE_TOO_LOW");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(traces).call("addBook").isRolledBack())
			.withMessageStartingWith("Expected call addBook to be rolled_back but it was error PRICE_TOO_LOW");
	}

}
