package dev.fntrace.test.library;

import java.util.concurrent.CompletableFuture;

import dev.fntrace.log.TraceLog;
import dev.fntrace.log.TraceQuery;
import dev.fntrace.test.AutoConfigureFnTrace;
import dev.fntrace.test.FnTraceRecorder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static dev.fntrace.test.FnTraceAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Traces never leak from one test into the next: the log is emptied before each test, and
 * a call that the first test started and that finishes during the second is not the
 * second's. Calls made by {@code @BeforeEach} methods are not the test's either.
 */
@SpringBootTest
@AutoConfigureFnTrace
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FnTraceIsolationTests {

	private static final CompletableFuture<String> gate = new CompletableFuture<>();

	@Autowired
	private Library library;

	@Autowired
	private TraceLog log;

	@BeforeEach
	void countBooksBeforeEachTest() {
		this.library.countBooks();
	}

	@Test
	@Order(1)
	void firstTestStartsACallThatFinishesInTheSecond(FnTraceRecorder traces) {
		this.library.addShelf("First");
		this.library.awaitGate(gate);

		assertThat(traces).hasCallCount("addShelf", 1).hasNoCall("awaitGate").hasNoCall("countBooks");
		assertThat(traces.traces()).hasSize(1);
		assertThat(this.log.find(TraceQuery.newest(10))).as("the log itself")
			.extracting((trace) -> trace.fnName())
			.containsExactly("addShelf", "countBooks");
	}

	@Test
	@Order(2)
	void secondTestSeesNoneOfTheFirstTestsCalls(FnTraceRecorder traces) {
		assertThat(this.log.find(TraceQuery.newest(10))).as("the log, emptied before the test")
			.extracting((trace) -> trace.fnName())
			.containsExactly("countBooks");
		gate.complete("open");
		assertThat(this.log.find(TraceQuery.newest(10))).as("the log once the first test's call finished")
			.extracting((trace) -> trace.fnName())
			.containsExactly("awaitGate", "countBooks");

		assertThat(traces.traces()).isEmpty();
		assertThat(traces).hasNoCall("awaitGate").hasNoCall("addShelf").hasNoCall("countBooks");
		this.library.countBooks();
		assertThat(traces).call("countBooks").isOk();
	}

}
