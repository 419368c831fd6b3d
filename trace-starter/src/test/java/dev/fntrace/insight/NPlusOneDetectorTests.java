package dev.fntrace.insight;

import java.util.ArrayList;
import java.util.List;

import dev.fntrace.model.DbOp;
import dev.fntrace.model.FnOutcome;
import dev.fntrace.model.FnTrace;
import dev.fntrace.model.FnType;
import dev.fntrace.model.OpTrace;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The N+1 rule: one statement shape run at least the threshold times in one trace.
 */
class NPlusOneDetectorTests {

	private static final String BIDS_OF_LOT = "select * from bid where lot_id = ?";

	private final NPlusOneDetector detector = new NPlusOneDetector(5);

	@Test
	void sameSqlAtTheThresholdIsAFindingWithStatementAndCount() {
		List<OpTrace> ops = new ArrayList<>();
		ops.add(sql(DbOp.LIST, "lot", "select * from lot"));
		for (int i = 0; i < 5; i++) {
			ops.add(sql(DbOp.LIST, "bid", BIDS_OF_LOT));
		}
		assertThat(this.detector.detect(trace(ops))).containsExactly(new NPlusOneFinding(BIDS_OF_LOT, 5));
	}

	@Test
	void sameSqlBelowTheThresholdIsNoFinding() {
		List<OpTrace> ops = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			ops.add(sql(DbOp.LIST, "bid", BIDS_OF_LOT));
		}
		ops.add(sql(DbOp.LIST, "lot", "select * from lot"));
		assertThat(this.detector.detect(trace(ops))).isEmpty();
	}

	@Test
	void sameRepositoryOperationWithoutSqlIsOneShape() {
		List<OpTrace> ops = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			ops.add(new OpTrace(DbOp.GET, "Lot", String.valueOf(i), i, 0.1, 1L, true, null, null));
		}
		ops.add(new OpTrace(DbOp.GET, "Bid", "1", 7, 0.1, 1L, true, null, null));
		assertThat(this.detector.detect(trace(ops))).containsExactly(new NPlusOneFinding("get Lot", 6));
	}

	@Test
	void findingsAreOrderedByCount() {
		List<OpTrace> ops = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			ops.add(sql(DbOp.GET, "lot", "select * from lot where id = ?"));
		}
		for (int i = 0; i < 7; i++) {
			ops.add(sql(DbOp.LIST, "bid", BIDS_OF_LOT));
		}
		assertThat(this.detector.detect(trace(ops))).extracting(NPlusOneFinding::count).containsExactly(7, 5);
	}

	@Test
	void thresholdBelowTwoIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new NPlusOneDetector(1)).withMessageContaining("2");
	}

	static OpTrace sql(DbOp op, String entity, String sql) {
		return new OpTrace(op, entity, null, 0, 0.5, 1L, true, sql, null);
	}

	static FnTrace trace(List<OpTrace> ops) {
		return new FnTrace("c-1", "listLots", FnType.QUERY, null, null, null, null, 0, 10, FnOutcome.OK, ops, 0, 0, 0,
				List.of());
	}

}
