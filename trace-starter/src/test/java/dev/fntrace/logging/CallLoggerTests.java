package dev.fntrace.logging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.fntrace.insight.SlowCallThresholds;
import dev.fntrace.model.DbOp;
import dev.fntrace.model.FnOutcome;
import dev.fntrace.model.FnTrace;
import dev.fntrace.model.FnType;
import dev.fntrace.model.OpTrace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Tests for {@link CallLogger}: which calls it logs, at what level, with which facts.
 */
class CallLoggerTests {

	private static final SlowCallThresholds SLOW_AT_100_MS = new SlowCallThresholds(100, Map.of("report", 5000.0));

	private final Logger logger = (Logger) LoggerFactory.getLogger(CallLogger.LOGGER_NAME);

	private final ListAppender<ILoggingEvent> events = new ListAppender<>();

	private Level previousLevel;

	@BeforeEach
	void captureEvents() {
		this.previousLevel = this.logger.getLevel();
		this.logger.setLevel(Level.INFO);
		this.events.start();
		this.logger.addAppender(this.events);
	}

	@AfterEach
	void stopCapturing() {
		this.logger.detachAppender(this.events);
		this.logger.setLevel(this.previousLevel);
	}

	@Test
	void failedCallIsLoggedAtWarnWithItsFacts() {
		List<OpTrace> ops = List.of(new OpTrace(DbOp.GET, "lot", "7", 0, 1, 1L, true, "select", null),
				new OpTrace(DbOp.INSERT, "bid", null, 1, 1, null, false, "insert", null));
		new CallLogger(SLOW_AT_100_MS, true, true).accept(new FnTrace("c-1", "placeBid", FnType.MUTATION, "u-1", "t-1",
				null, null, 1L, 12.34, new FnOutcome.RolledBack("BID_TOO_LOW", "too low"), ops, 3, 0, 0, List.of()));
		ILoggingEvent event = onlyEvent();
		assertThat(event.getLevel()).isEqualTo(Level.WARN);
		assertThat(event.getFormattedMessage())
			.isEqualTo("Call placeBid rolled_back (BID_TOO_LOW) in 12.3 ms, 5 ops, call c-1");
		assertThat(keyValues(event)).containsExactly(entry("fntrace.call_id", "c-1"),
				entry("fntrace.fn_name", "placeBid"), entry("fntrace.fn_type", "mutation"),
				entry("fntrace.status", "rolled_back"), entry("fntrace.duration_ms", 12.34),
				entry("fntrace.slow", false), entry("fntrace.ops", 5), entry("fntrace.ops_read", 1),
				entry("fntrace.ops_failed", 1), entry("fntrace.ops_dropped", 3), entry("fntrace.user_id", "u-1"),
				entry("fntrace.tenant_id", "t-1"), entry("fntrace.error_code", "BID_TOO_LOW"),
				entry("fntrace.error_message", "too low"));
	}

	@Test
	void erroredCallIsLoggedWithItsCode() {
		new CallLogger(SLOW_AT_100_MS, true, true).accept(trace("getLots", 1, new FnOutcome.Errored("NOPE", null)));
		ILoggingEvent event = onlyEvent();
		assertThat(event.getLevel()).isEqualTo(Level.WARN);
		assertThat(keyValues(event)).contains(entry("fntrace.status", "error"), entry("fntrace.error_code", "NOPE"))
			.doesNotContainKey("fntrace.error_message");
	}

	@Test
	void slowCallIsLoggedAtInfo() {
		new CallLogger(SLOW_AT_100_MS, true, true).accept(trace("getLots", 100, FnOutcome.OK));
		ILoggingEvent event = onlyEvent();
		assertThat(event.getLevel()).isEqualTo(Level.INFO);
		assertThat(event.getFormattedMessage()).isEqualTo("Slow call getLots ok in 100.0 ms, 0 ops, call c-1");
		assertThat(keyValues(event)).contains(entry("fntrace.slow", true), entry("fntrace.status", "ok"))
			.doesNotContainKeys("fntrace.error_code", "fntrace.user_id", "fntrace.ops_dropped");
	}

	@Test
	void slowAndFailedCallIsLoggedOnceAtWarn() {
		new CallLogger(SLOW_AT_100_MS, true, true).accept(trace("getLots", 200, new FnOutcome.Errored("X", "m")));
		ILoggingEvent event = onlyEvent();
		assertThat(event.getLevel()).isEqualTo(Level.WARN);
		assertThat(event.getFormattedMessage()).startsWith("Slow call getLots error (X) in 200.0 ms");
	}

	@Test
	void fastSuccessfulCallIsNotLogged() {
		new CallLogger(SLOW_AT_100_MS, true, true).accept(trace("getLots", 99.9, FnOutcome.OK));
		assertThat(this.events.list).isEmpty();
	}

	@Test
	void slowIsJudgedByTheFunctionsOwnThreshold() {
		CallLogger calls = new CallLogger(SLOW_AT_100_MS, true, true);
		calls.accept(trace("report", 4999, FnOutcome.OK));
		assertThat(this.events.list).isEmpty();
		calls.accept(trace("report", 5000, FnOutcome.OK));
		assertThat(this.events.list).hasSize(1);
	}

	@Test
	void slowCallsAreNotLoggedWhenSwitchedOff() {
		new CallLogger(SLOW_AT_100_MS, false, true).accept(trace("getLots", 500, FnOutcome.OK));
		assertThat(this.events.list).isEmpty();
	}

	@Test
	void failedCallsAreNotLoggedWhenSwitchedOff() {
		new CallLogger(SLOW_AT_100_MS, true, false).accept(trace("getLots", 1, new FnOutcome.Errored("X", "m")));
		assertThat(this.events.list).isEmpty();
	}

	@Test
	void slowCallsAreNotBuiltWhenInfoIsOff() {
		this.logger.setLevel(Level.WARN);
		new CallLogger(SLOW_AT_100_MS, true, true).accept(trace("getLots", 500, FnOutcome.OK));
		assertThat(this.events.list).isEmpty();
	}

	@Test
	void returnedValuesAreNeverLogged() {
		new CallLogger(SLOW_AT_100_MS, true, true).accept(trace("getLots", 500, new FnOutcome.Ok("\"secret\"")));
		ILoggingEvent event = onlyEvent();
		assertThat(event.getFormattedMessage()).doesNotContain("secret");
		assertThat(keyValues(event).values()).noneMatch((value) -> String.valueOf(value).contains("secret"));
	}

	private ILoggingEvent onlyEvent() {
		assertThat(this.events.list).hasSize(1);
		return this.events.list.get(0);
	}

	private static Map<String, Object> keyValues(ILoggingEvent event) {
		Map<String, Object> keyValues = new LinkedHashMap<>();
		for (KeyValuePair pair : event.getKeyValuePairs()) {
			keyValues.put(pair.key, pair.value);
		}
		return keyValues;
	}

	private static FnTrace trace(String fnName, double durationMs, FnOutcome outcome) {
		return new FnTrace("c-1", fnName, FnType.QUERY, null, null, null, null, 1L, durationMs, outcome, List.of(), 0,
				0, 0, List.of());
	}

}
