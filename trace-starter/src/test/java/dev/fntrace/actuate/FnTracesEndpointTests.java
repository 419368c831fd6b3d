package dev.fntrace.actuate;

import java.security.Principal;
import java.util.List;
import java.util.Set;

import dev.fntrace.log.InMemoryTraceLog;
import dev.fntrace.model.FnOutcome;
import dev.fntrace.model.FnTrace;
import dev.fntrace.model.FnType;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.Show;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The fntraces endpoint's operations: filters, limits, lookup, clearing, bad input and
 * the show-values policy.
 */
class FnTracesEndpointTests {

	private final InMemoryTraceLog log = new InMemoryTraceLog(10);

	private final FnTracesEndpoint endpoint = new FnTracesEndpoint(this.log, Show.NEVER, Set.of());

	@Test
	void listsNewestFirstWithTheStateOfTheLog() {
		push("a", FnOutcome.OK, "alice", 1);
		push("b", FnOutcome.OK, "bob", 2);
		FnTracesEndpoint.FnTracesDescriptor descriptor = list(null, null, null, null, null, null);
		assertThat(descriptor.traces()).extracting((call) -> call.trace().callId()).containsExactly("b", "a");
		assertThat(descriptor.totalCount()).isEqualTo(2);
		assertThat(descriptor.capacity()).isEqualTo(10);
		assertThat(descriptor.size()).isEqualTo(2);
	}

	@Test
	void filtersByFunctionStatusUserTenantAndDuration() {
		push("a", FnOutcome.OK, "alice", 1);
		push("b", new FnOutcome.Errored("X", null), "bob", 5);
		push("c", new FnOutcome.RolledBack("Y", null), "alice", 9);
		assertThat(ids(list("fn-c", null, null, null, null, null))).containsExactly("c");
		assertThat(ids(list(null, "failed", null, null, null, null))).containsExactly("c", "b");
		assertThat(ids(list(null, "rolled_back", null, null, null, null))).containsExactly("c");
		assertThat(ids(list(null, "ok", null, null, null, null))).containsExactly("a");
		assertThat(ids(list(null, null, "alice", null, null, null))).containsExactly("c", "a");
		assertThat(ids(list(null, null, null, "t-b", null, null))).containsExactly("b");
		assertThat(ids(list(null, null, null, null, 5.0, null))).containsExactly("c", "b");
		assertThat(ids(list(null, "failed", "alice", null, null, null))).containsExactly("c");
	}

	@Test
	void limitsTheList() {
		for (int i = 0; i < 5; i++) {
			push("id" + i, FnOutcome.OK, "u", 1);
		}
		assertThat(ids(list(null, null, null, null, null, 2))).containsExactly("id4", "id3");
		assertThat(ids(list(null, null, null, null, null, 0))).isEmpty();
	}

	@Test
	void defaultLimitIsOneHundred() {
		InMemoryTraceLog big = new InMemoryTraceLog(500);
		for (int i = 0; i < 150; i++) {
			big.accept(trace("id" + i, FnOutcome.OK, "u", 1));
		}
		assertThat(new FnTracesEndpoint(big, Show.NEVER, Set.of())
			.traces(null, null, null, null, null, null, SecurityContext.NONE)
			.traces()).hasSize(100);
	}

	@Test
	void rejectsUnknownStatusNamingTheParameter() {
		assertThatExceptionOfType(InvalidEndpointRequestException.class)
			.isThrownBy(() -> list(null, "nonsense", null, null, null, null))
			.withMessageContaining("status")
			.withMessageContaining("rolled_back");
	}

	@Test
	void rejectsNegativeLimit() {
		assertThatExceptionOfType(InvalidEndpointRequestException.class)
			.isThrownBy(() -> list(null, null, null, null, null, -1))
			.withMessageContaining("limit");
	}

	@Test
	void rejectsNegativeMinDuration() {
		assertThatExceptionOfType(InvalidEndpointRequestException.class)
			.isThrownBy(() -> list(null, null, null, null, -2.0, null))
			.withMessageContaining("minDurationMs");
	}

	@Test
	void findsOneTraceById() {
		push("a", FnOutcome.OK, "alice", 1);
		assertThat(this.endpoint.trace("a", SecurityContext.NONE).trace().callId()).isEqualTo("a");
	}

	@Test
	void unknownIdIsNull() {
		assertThat(this.endpoint.trace("missing", SecurityContext.NONE)).isNull();
	}

	@Test
	void clearsAndSaysHowManyWereRemoved() {
		push("a", FnOutcome.OK, "alice", 1);
		push("b", FnOutcome.OK, "alice", 1);
		assertThat(this.endpoint.clear().removed()).isEqualTo(2);
		assertThat(list(null, null, null, null, null, null).traces()).isEmpty();
		assertThat(list(null, null, null, null, null, null).totalCount()).isEqualTo(2);
	}

	@Test
	void valuesAreHiddenByDefault() {
		push("a", new FnOutcome.Ok("{\"secret\":1}"), "alice", 1);
		assertThat(list(null, null, null, null, null, null).traces().get(0).trace().outcome())
			.isEqualTo(new FnOutcome.Ok("\"******\""));
		assertThat(this.endpoint.trace("a", SecurityContext.NONE).trace().outcome())
			.isEqualTo(new FnOutcome.Ok("\"******\""));
	}

	@Test
	void valuesAreShownWhenAlwaysAllowed() {
		push("a", new FnOutcome.Ok("{\"secret\":1}"), "alice", 1);
		FnTracesEndpoint always = new FnTracesEndpoint(this.log, Show.ALWAYS, Set.of());
		assertThat(always.trace("a", SecurityContext.NONE).trace().outcome())
			.isEqualTo(new FnOutcome.Ok("{\"secret\":1}"));
	}

	@Test
	void valuesAreShownToAuthorizedRolesOnly() {
		push("a", new FnOutcome.Ok("{\"secret\":1}"), "alice", 1);
		FnTracesEndpoint whenAuthorized = new FnTracesEndpoint(this.log, Show.WHEN_AUTHORIZED, Set.of("ADMIN"));
		assertThat(whenAuthorized.trace("a", securityContext("ADMIN")).trace().outcome())
			.isEqualTo(new FnOutcome.Ok("{\"secret\":1}"));
		assertThat(whenAuthorized.trace("a", securityContext("USER")).trace().outcome())
			.isEqualTo(new FnOutcome.Ok("\"******\""));
		assertThat(whenAuthorized.trace("a", SecurityContext.NONE).trace().outcome())
			.isEqualTo(new FnOutcome.Ok("\"******\""));
	}

	@Test
	void okWithoutValueIsUnchanged() {
		push("a", FnOutcome.OK, "alice", 1);
		assertThat(this.endpoint.trace("a", SecurityContext.NONE).trace().outcome()).isEqualTo(FnOutcome.OK);
	}

	private FnTracesEndpoint.FnTracesDescriptor list(String fn, String status, String user, String tenant,
			Double minDurationMs, Integer limit) {
		return this.endpoint.traces(fn, status, user, tenant, minDurationMs, limit, SecurityContext.NONE);
	}

	private static List<String> ids(FnTracesEndpoint.FnTracesDescriptor descriptor) {
		return descriptor.traces().stream().map((call) -> call.trace().callId()).toList();
	}

	private void push(String id, FnOutcome outcome, String user, double durationMs) {
		this.log.accept(trace(id, outcome, user, durationMs));
	}

	private static FnTrace trace(String id, FnOutcome outcome, String user, double durationMs) {
		return new FnTrace(id, "fn-" + id, FnType.ACTION, user, "t-" + id, null, null, 0, durationMs, outcome,
				List.of(), 0, 0, 0, List.of());
	}

	private static SecurityContext securityContext(String role) {
		return new SecurityContext() {

			@Override
			public Principal getPrincipal() {
				return () -> "someone";
			}

			@Override
			public boolean isUserInRole(String name) {
				return role.equals(name);
			}

		};
	}

}
