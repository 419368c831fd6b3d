package dev.fntrace.test;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;

import dev.fntrace.insight.NPlusOneDetector;
import dev.fntrace.insight.NPlusOneFinding;
import dev.fntrace.model.DbOp;
import dev.fntrace.model.FnOutcome;
import dev.fntrace.model.FnTrace;
import dev.fntrace.model.FnType;
import dev.fntrace.model.OpTrace;
import dev.fntrace.model.ScheduleStatus;
import dev.fntrace.model.ScheduleTrace;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;

/**
 * Assertions on one traced call: how it ended, the database operations it ran, what it
 * scheduled, and which call it ran in. A failure says what the call did instead, with
 * every op it ran and its SQL.
 * <p>
 * Get one from {@link FnTracesAssert#call(String)} or
 * {@link FnTraceAssertions#assertThat(FnTrace)}.
 */
public class FnTraceAssert extends AbstractAssert<FnTraceAssert, FnTrace> {

	private final NPlusOneDetector nPlusOne;

	private final Supplier<List<FnTrace>> otherCalls;

	FnTraceAssert(FnTrace actual, NPlusOneDetector nPlusOne, Supplier<List<FnTrace>> otherCalls) {
		super(actual, FnTraceAssert.class);
		this.nPlusOne = nPlusOne;
		this.otherCalls = otherCalls;
	}

	/**
	 * Verify that the call returned normally and committed what it wrote.
	 * @return this
	 */
	public FnTraceAssert isOk() {
		return hasOutcome(FnOutcome.Ok.class, "to be ok");
	}

	/**
	 * Verify that the call's own transaction rolled back.
	 * @return this
	 */
	public FnTraceAssert isRolledBack() {
		return hasOutcome(FnOutcome.RolledBack.class, "to be rolled_back");
	}

	/**
	 * Verify that the call threw without a transaction of its own rolling back.
	 * @return this
	 */
	public FnTraceAssert isErrored() {
		return hasOutcome(FnOutcome.Errored.class, "to end in error");
	}

	/**
	 * Verify that the call failed: it ended in error or rolled back.
	 * @return this
	 */
	public FnTraceAssert hasFailed() {
		return hasOutcome(FnOutcome.class, "to fail");
	}

	private FnTraceAssert hasOutcome(Class<? extends FnOutcome> type, String expectation) {
		isNotNull();
		FnOutcome outcome = this.actual.outcome();
		boolean matches = (type == FnOutcome.class) ? outcome.isFailure() : type.isInstance(outcome);
		if (!matches) {
			failOnOutcome(expectation);
		}
		return this;
	}

	/**
	 * Verify that the call failed with an error code: a {@link dev.fntrace.CodedError}'s
	 * code, or the simple class name of the exception.
	 * @param code the code
	 * @return this
	 */
	public FnTraceAssert withCode(String code) {
		isNotNull();
		String actualCode = failureCode();
		if (!code.equals(actualCode)) {
			failOnOutcome("to fail with code " + code);
		}
		return this;
	}

	/**
	 * Verify that the call failed with a message that contains a text.
	 * @param text the text
	 * @return this
	 */
	public FnTraceAssert withMessageContaining(String text) {
		isNotNull();
		String message = failureMessage();
		if (message == null || !message.contains(text)) {
			failOnOutcome("to fail with a message containing \"" + text + "\"");
		}
		return this;
	}

	private String failureCode() {
		return this.actual.outcome().code();
	}

	private String failureMessage() {
		return this.actual.outcome().message();
	}

	/**
	 * Verify the function's type.
	 * @param type the type
	 * @return this
	 */
	public FnTraceAssert hasType(FnType type) {
		isNotNull();
		if (this.actual.fnType() != type) {
			fail("to be a " + type.jsonName(), "it was a " + this.actual.fnType().jsonName());
		}
		return this;
	}

	/**
	 * Verify who made the call.
	 * @param userId the user id
	 * @return this
	 */
	public FnTraceAssert hasUser(String userId) {
		isNotNull();
		if (!userId.equals(this.actual.userId())) {
			fail("to be made by user " + userId, "it was made by " + this.actual.userId());
		}
		return this;
	}

	/**
	 * Verify the tenant the call was made for.
	 * @param tenantId the tenant id
	 * @return this
	 */
	public FnTraceAssert hasTenant(String tenantId) {
		isNotNull();
		if (!tenantId.equals(this.actual.tenantId())) {
			fail("to be made for tenant " + tenantId, "it was made for " + this.actual.tenantId());
		}
		return this;
	}

	/**
	 * Verify how many operations of a kind the call ran.
	 * @param count the exact count
	 * @param op the kind
	 * @return this
	 */
	public FnTraceAssert ran(int count, DbOp op) {
		return hasOpCount(op, (ran) -> ran == count, "to run exactly " + TraceDescriptions.count(count, op));
	}

	/**
	 * Verify that the call ran no more than a number of operations of a kind: the query
	 * budget of a function.
	 * @param count the most it may run
	 * @param op the kind
	 * @return this
	 */
	public FnTraceAssert ranAtMost(int count, DbOp op) {
		return hasOpCount(op, (ran) -> ran <= count, "to run at most " + TraceDescriptions.count(count, op));
	}

	/**
	 * Verify that the call ran at least a number of operations of a kind.
	 * @param count the fewest it may run
	 * @param op the kind
	 * @return this
	 */
	public FnTraceAssert ranAtLeast(int count, DbOp op) {
		return hasOpCount(op, (ran) -> ran >= count, "to run at least " + TraceDescriptions.count(count, op));
	}

	private FnTraceAssert hasOpCount(DbOp op, Predicate<Integer> expected, String expectation) {
		isNotNull();
		int ran = (int) this.actual.ops().stream().filter((candidate) -> candidate.op() == op).count();
		if (!expected.test(ran)) {
			fail(expectation, "it ran " + ran);
		}
		return this;
	}

	/**
	 * Verify that the call ran no more than a number of database operations of any kind.
	 * Operations not kept because the trace was full count too.
	 * @param count the most it may run
	 * @return this
	 */
	public FnTraceAssert ranAtMost(int count) {
		isNotNull();
		int ran = this.actual.ops().size() + this.actual.opsDropped();
		if (ran > count) {
			fail("to run at most " + count + ((count != 1) ? " ops" : " op"), "it ran " + ran);
		}
		return this;
	}

	/**
	 * Verify that the call ran no database operation.
	 * @return this
	 */
	public FnTraceAssert ranNoOps() {
		isNotNull();
		if (!this.actual.ops().isEmpty() || this.actual.opsDropped() > 0) {
			fail("to run no ops", "it ran " + (this.actual.ops().size() + this.actual.opsDropped()));
		}
		return this;
	}

	/**
	 * Verify that the call inserted an entity.
	 * @param entity the domain type ({@code Bid}) or table ({@code bid}): compared
	 * without case or underscores
	 * @return this
	 */
	public FnTraceAssert inserted(String entity) {
		return ran(DbOp.INSERT, entity);
	}

	/**
	 * Verify that the call updated an entity.
	 * @param entity the domain type or table
	 * @return this
	 */
	public FnTraceAssert updated(String entity) {
		return ran(DbOp.UPDATE, entity);
	}

	/**
	 * Verify that the call deleted an entity.
	 * @param entity the domain type or table
	 * @return this
	 */
	public FnTraceAssert deleted(String entity) {
		return ran(DbOp.DELETE, entity);
	}

	/**
	 * Verify that the call ran an operation of a kind on an entity.
	 * @param op the kind
	 * @param entity the domain type ({@code LotWatcher}) or table ({@code lot_watcher}):
	 * compared without case or underscores
	 * @return this
	 */
	public FnTraceAssert ran(DbOp op, String entity) {
		isNotNull();
		boolean found = this.actual.ops()
			.stream()
			.anyMatch((candidate) -> candidate.op() == op && candidate.entity() != null
					&& TraceDescriptions.sameEntity(candidate.entity(), entity));
		if (!found) {
			fail("to run " + op.jsonName() + " on " + entity, "it did not");
		}
		return this;
	}

	/**
	 * Verify that the call wrote nothing: it ran no insert, update, delete, link or
	 * unlink.
	 * @return this
	 */
	public FnTraceAssert wroteNothing() {
		isNotNull();
		List<OpTrace> writes = this.actual.ops().stream().filter(FnTraceAssert::isWrite).toList();
		if (!writes.isEmpty()) {
			fail("to write nothing", "it ran " + writes.size() + ((writes.size() != 1) ? " writes" : " write"));
		}
		return this;
	}

	private static boolean isWrite(OpTrace op) {
		return switch (op.op()) {
			case INSERT, UPDATE, DELETE, LINK, UNLINK -> true;
			default -> false;
		};
	}

	/**
	 * Verify that the call has no N+1: no statement shape ran as often as the
	 * application's {@code fntrace.insights.n-plus-one-threshold}, by the same rule as
	 * the trace viewer's.
	 * @return this
	 */
	public FnTraceAssert hasNoNPlusOne() {
		isNotNull();
		List<NPlusOneFinding> findings = this.nPlusOne.detect(this.actual);
		if (!findings.isEmpty()) {
			fail("to have no N+1", nPlusOneFindings(findings, this.nPlusOne));
		}
		return this;
	}

	/**
	 * Verify that the call has an N+1, by the same rule as the trace viewer's.
	 * @return this
	 */
	public FnTraceAssert hasNPlusOne() {
		isNotNull();
		if (this.nPlusOne.detect(this.actual).isEmpty()) {
			fail("to have an N+1 (a statement run at least " + this.nPlusOne.threshold() + " times)", "it had none");
		}
		return this;
	}

	static String nPlusOneFindings(List<NPlusOneFinding> findings, NPlusOneDetector nPlusOne) {
		StringBuilder text = new StringBuilder("it ran");
		for (int i = 0; i < findings.size(); i++) {
			NPlusOneFinding finding = findings.get(i);
			text.append((i > 0) ? " and" : "")
				.append(" \"")
				.append(finding.statement())
				.append("\" ")
				.append(finding.count())
				.append(" times");
		}
		return text.append(" (threshold ").append(nPlusOne.threshold()).append(')').toString();
	}

	/**
	 * Verify that the call scheduled a function to run later, and that the schedule was
	 * not dropped (by a rollback).
	 * @param fnName the scheduled function's name
	 * @return this
	 */
	public FnTraceAssert scheduled(String fnName) {
		return hasSchedule(fnName, (status) -> status != ScheduleStatus.DROPPED, "to schedule " + fnName);
	}

	/**
	 * Verify that the call scheduled a function but the schedule was dropped, because the
	 * call's transaction rolled back.
	 * @param fnName the scheduled function's name
	 * @return this
	 */
	public FnTraceAssert hasDroppedSchedule(String fnName) {
		return hasSchedule(fnName, (status) -> status == ScheduleStatus.DROPPED,
				"to schedule " + fnName + " and drop it");
	}

	private FnTraceAssert hasSchedule(String fnName, Predicate<ScheduleStatus> status, String expectation) {
		isNotNull();
		boolean found = this.actual.schedules()
			.stream()
			.anyMatch((schedule) -> schedule.fnName().equals(fnName) && status.test(schedule.status()));
		if (!found) {
			fail(expectation, this.actual.schedules().isEmpty() ? "it scheduled nothing" : "it did not");
		}
		return this;
	}

	/**
	 * Verify that the call scheduled nothing.
	 * @return this
	 */
	public FnTraceAssert scheduledNothing() {
		isNotNull();
		if (!this.actual.schedules().isEmpty() || this.actual.schedulesDropped() > 0) {
			fail("to schedule nothing", "it scheduled "
					+ String.join(", ", this.actual.schedules().stream().map(ScheduleTrace::fnName).toList()));
		}
		return this;
	}

	/**
	 * Verify that the call ran inside another traced call.
	 * @param parent the enclosing call
	 * @return this
	 */
	public FnTraceAssert hasParent(FnTrace parent) {
		isNotNull();
		if (!parent.callId().equals(this.actual.parentCallId())) {
			fail("to run inside call " + parent.fnName() + " " + parent.callId(), parentDescription());
		}
		return this;
	}

	/**
	 * Verify that the call ran inside a traced call of a function, made in the same test.
	 * @param fnName the enclosing function's name
	 * @return this
	 */
	public FnTraceAssert hasParent(String fnName) {
		isNotNull();
		FnTrace parent = otherCall(this.actual.parentCallId());
		if (parent == null || !parent.fnName().equals(fnName)) {
			fail("to run inside a call " + fnName, parentDescription());
		}
		return this;
	}

	/**
	 * Verify that the call ran inside no other traced call.
	 * @return this
	 */
	public FnTraceAssert hasNoParent() {
		isNotNull();
		if (this.actual.parentCallId() != null) {
			fail("to run inside no other call", parentDescription());
		}
		return this;
	}

	private String parentDescription() {
		String parentCallId = this.actual.parentCallId();
		if (parentCallId == null) {
			return "it ran inside no other call";
		}
		FnTrace parent = otherCall(parentCallId);
		return "it ran inside " + ((parent != null) ? "call " + parent.fnName() + " " : "call ") + parentCallId;
	}

	/**
	 * Verify that the call is the run of a function another call scheduled.
	 * @param scheduler the scheduling call
	 * @return this
	 */
	public FnTraceAssert wasScheduledBy(FnTrace scheduler) {
		isNotNull();
		if (!scheduler.callId().equals(this.actual.scheduledBy())) {
			fail("to be scheduled by call " + scheduler.fnName() + " " + scheduler.callId(), schedulerDescription());
		}
		return this;
	}

	/**
	 * Verify that the call is the run of a function that a call of another function, made
	 * in the same test, scheduled.
	 * @param fnName the scheduling function's name
	 * @return this
	 */
	public FnTraceAssert wasScheduledBy(String fnName) {
		isNotNull();
		FnTrace scheduler = otherCall(this.actual.scheduledBy());
		if (scheduler == null || !scheduler.fnName().equals(fnName)) {
			fail("to be scheduled by a call " + fnName, schedulerDescription());
		}
		return this;
	}

	private String schedulerDescription() {
		String scheduledBy = this.actual.scheduledBy();
		if (scheduledBy == null) {
			return "no call scheduled it";
		}
		FnTrace scheduler = otherCall(scheduledBy);
		return "it was scheduled by " + ((scheduler != null) ? "call " + scheduler.fnName() + " " : "call ")
				+ scheduledBy;
	}

	private FnTrace otherCall(String callId) {
		if (callId == null) {
			return null;
		}
		return this.otherCalls.get()
			.stream()
			.filter((trace) -> Objects.equals(trace.callId(), callId))
			.findFirst()
			.orElse(null);
	}

	/**
	 * Assertions on the operations the call ran, in order, for anything the methods here
	 * do not say.
	 * @return AssertJ's assertions on the list of ops
	 */
	public ListAssert<OpTrace> ops() {
		isNotNull();
		return Assertions.assertThat(this.actual.ops()).as("ops of call %s", this.actual.fnName());
	}

	private void fail(String expectation, String found) {
		failWithMessage("%s",
				"Expected call " + this.actual.fnName() + " " + expectation + " but " + found + ".\n" + "It ended "
						+ TraceDescriptions.outcome(this.actual.outcome()) + ". "
						+ TraceDescriptions.work(this.actual));
	}

	private void failOnOutcome(String expectation) {
		failWithMessage("%s", "Expected call " + this.actual.fnName() + " " + expectation + " but it was "
				+ TraceDescriptions.outcome(this.actual.outcome()) + ".\n" + TraceDescriptions.work(this.actual));
	}

}
