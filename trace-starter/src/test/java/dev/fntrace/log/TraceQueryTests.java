package dev.fntrace.log;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.fntrace.model.FnOutcome;
import dev.fntrace.model.FnTrace;

import static dev.fntrace.log.Traces.trace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link TraceQuery} and {@link StatusFilter}.
 */
class TraceQueryTests {

	private static final FnOutcome OK = FnOutcome.OK;

	private static final FnOutcome OK_WITH_VALUE = new FnOutcome.Ok("{\"id\":7}");

	private static final FnOutcome ERROR = new FnOutcome.Errored("X", "m");

	private static final FnOutcome ROLLED_BACK = new FnOutcome.RolledBack("Y", null);

	// ---- StatusFilter.parse

	@ParameterizedTest
	@CsvSource({ "ok, OK", "OK, OK", "Ok, OK", "error, ERROR", "ERROR, ERROR", "rolled_back, ROLLED_BACK",
			"ROLLED_BACK, ROLLED_BACK", "rolled-back, ROLLED_BACK", "failed, FAILED", "FAILED, FAILED" })
	void parseAcceptsEveryFilterInAnyCase(String text, StatusFilter expected) {
		assertThat(StatusFilter.parse(text)).isEqualTo(expected);
	}

	@Test
	void parseIgnoresSurroundingWhitespace() {
		assertThat(StatusFilter.parse("  error ")).isEqualTo(StatusFilter.ERROR);
	}

	@ParameterizedTest
	@ValueSource(strings = { "okay", "errors", "rolledback", "rolled back", "fail", "", " " })
	void parseRejectsUnknownTextNamingTheExpectedValues(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> StatusFilter.parse(text))
			.withMessageContaining("'" + text + "'")
			.withMessageContaining("ok")
			.withMessageContaining("error")
			.withMessageContaining("rolled_back")
			.withMessageContaining("failed");
	}

	// ---- StatusFilter.matches

	@Test
	void okMatchesOnlyOk() {
		assertThat(StatusFilter.OK.matches(OK)).isTrue();
		assertThat(StatusFilter.OK.matches(OK_WITH_VALUE)).isTrue();
		assertThat(StatusFilter.OK.matches(ERROR)).isFalse();
		assertThat(StatusFilter.OK.matches(ROLLED_BACK)).isFalse();
	}

	@Test
	void errorMatchesOnlyError() {
		assertThat(StatusFilter.ERROR.matches(OK)).isFalse();
		assertThat(StatusFilter.ERROR.matches(ERROR)).isTrue();
		assertThat(StatusFilter.ERROR.matches(ROLLED_BACK)).isFalse();
	}

	@Test
	void rolledBackMatchesOnlyRolledBack() {
		assertThat(StatusFilter.ROLLED_BACK.matches(OK)).isFalse();
		assertThat(StatusFilter.ROLLED_BACK.matches(ERROR)).isFalse();
		assertThat(StatusFilter.ROLLED_BACK.matches(ROLLED_BACK)).isTrue();
	}

	@Test
	void failedMatchesErrorAndRolledBack() {
		assertThat(StatusFilter.FAILED.matches(OK)).isFalse();
		assertThat(StatusFilter.FAILED.matches(OK_WITH_VALUE)).isFalse();
		assertThat(StatusFilter.FAILED.matches(ERROR)).isTrue();
		assertThat(StatusFilter.FAILED.matches(ROLLED_BACK)).isTrue();
	}

	// ---- TraceQuery construction

	@Test
	void negativeLimitIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> TraceQuery.newest(-1)).withMessageContaining("limit");
	}

	@Test
	void zeroLimitIsAccepted() {
		assertThat(TraceQuery.newest(0).limit()).isZero();
	}

	@Test
	void negativeMinDurationIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new TraceQuery(null, null, null, null, -0.5, 10))
			.withMessageContaining("minDurationMs");
	}

	@Test
	void nanMinDurationIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new TraceQuery(null, null, null, null, Double.NaN, 10))
			.withMessageContaining("minDurationMs");
	}

	@Test
	void zeroMinDurationIsAccepted() {
		assertThat(new TraceQuery(null, null, null, null, 0.0, 10).minDurationMs()).isZero();
	}

	@Test
	void newestHasNoFilters() {
		assertThat(TraceQuery.newest(5)).isEqualTo(new TraceQuery(null, null, null, null, null, 5));
	}

	// ---- TraceQuery.matches

	@Test
	void queryWithoutFiltersMatchesEveryTrace() {
		TraceQuery query = TraceQuery.newest(10);
		assertThat(query.matches(trace("1").build())).isTrue();
		assertThat(query.matches(trace("2").fn("x").user("u").tenant("t").duration(0).rolledBack("Y").build()))
			.isTrue();
	}

	@Test
	void functionFilterMatchesTheExactName() {
		TraceQuery query = new TraceQuery("placeBid", null, null, null, null, 10);
		assertThat(query.matches(trace("1").fn("placeBid").build())).isTrue();
		assertThat(query.matches(trace("2").fn("placebid").build())).isFalse();
		assertThat(query.matches(trace("3").fn("placeBid2").build())).isFalse();
	}

	@Test
	void statusFilterMatchesTheOutcome() {
		TraceQuery query = new TraceQuery(null, StatusFilter.ERROR, null, null, null, 10);
		assertThat(query.matches(trace("1").error("X").build())).isTrue();
		assertThat(query.matches(trace("2").build())).isFalse();
	}

	@Test
	void userFilterDoesNotMatchATraceWithoutUser() {
		TraceQuery query = new TraceQuery(null, null, "alice", null, null, 10);
		assertThat(query.matches(trace("1").user("alice").build())).isTrue();
		assertThat(query.matches(trace("2").user("bob").build())).isFalse();
		assertThat(query.matches(trace("3").build())).isFalse();
	}

	@Test
	void tenantFilterDoesNotMatchATraceWithoutTenant() {
		TraceQuery query = new TraceQuery(null, null, null, "acme", null, 10);
		assertThat(query.matches(trace("1").tenant("acme").build())).isTrue();
		assertThat(query.matches(trace("2").tenant("globex").build())).isFalse();
		assertThat(query.matches(trace("3").build())).isFalse();
	}

	@Test
	void minDurationFilterIsInclusive() {
		TraceQuery query = new TraceQuery(null, null, null, null, 2.5, 10);
		assertThat(query.matches(trace("1").duration(2.5).build())).isTrue();
		assertThat(query.matches(trace("2").duration(2.4999).build())).isFalse();
		assertThat(query.matches(trace("3").duration(300).build())).isTrue();
	}

	@Test
	void everyFilterMustMatch() {
		TraceQuery query = new TraceQuery("placeBid", StatusFilter.FAILED, "alice", "acme", 1.0, 10);
		FnTrace match = trace("1").fn("placeBid").user("alice").tenant("acme").duration(2).error("X").build();
		assertThat(query.matches(match)).isTrue();
		assertThat(query.matches(trace("2").fn("getLots").user("alice").tenant("acme").duration(2).error("X").build()))
			.isFalse();
		assertThat(query.matches(trace("3").fn("placeBid").user("alice").tenant("acme").duration(2).build())).isFalse();
		assertThat(query.matches(trace("4").fn("placeBid").user("bob").tenant("acme").duration(2).error("X").build()))
			.isFalse();
		assertThat(
				query.matches(trace("5").fn("placeBid").user("alice").tenant("globex").duration(2).error("X").build()))
			.isFalse();
		assertThat(
				query.matches(trace("6").fn("placeBid").user("alice").tenant("acme").duration(0.5).error("X").build()))
			.isFalse();
	}

}
