package dev.fntrace.test.library;

import dev.fntrace.model.DbOp;
import dev.fntrace.test.AutoConfigureFnTrace;
import dev.fntrace.test.FnTraceRecorder;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;

import static dev.fntrace.test.FnTraceAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The kit in a {@code @JdbcTest} slice: plain JDBC statements of a traced call are
 * recorded.
 */
@JdbcTest
@AutoConfigureFnTrace
@Import(ShelfCounter.class)
class FnTraceJdbcSliceTests {

	@Autowired
	private ShelfCounter counter;

	@Test
	void jdbcStatementsAreRecorded(FnTraceRecorder traces) {
		this.counter.countSchemas();

		assertThat(traces).call("countSchemas").isOk().ran(1, DbOp.QUERY).hasNoNPlusOne();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(traces).call("countSchemas").ranNoOps())
			.withMessageStartingWith("Expected call countSchemas to run no ops but it ran 1.\n")
			.withMessageContaining("   1. query   ")
			.withMessageContaining("select count(*) from information_schema.schemata (1 row)");
	}

}
