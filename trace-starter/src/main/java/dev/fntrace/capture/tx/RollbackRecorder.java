package dev.fntrace.capture.tx;

import java.util.ArrayList;
import java.util.Objects;

import dev.fntrace.capture.OutcomeRules;
import dev.fntrace.context.TraceContext;
import dev.fntrace.capture.TracingFailures;
import dev.fntrace.model.DbOp;
import dev.fntrace.model.TraceBuilder;

import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * Tells which transaction a traced call owns, and records how transactions inside traced
 * calls end. A call owns the transaction begun at its own boundary: the one its
 * {@code @Transactional} begins (Spring names it after the method), or, when it has none,
 * the first one it begins directly (a {@code TransactionTemplate}, unnamed). When the
 * owned transaction rolls back &mdash; an exception through {@code @Transactional},
 * {@code setRollbackOnly()}, a commit that failed &mdash; the owning call is
 * {@code rolled_back}. Any other transaction begun inside the call (an inner
 * {@code REQUIRES_NEW} or {@code NESTED} one, a repository's own) that rolls back is
 * recorded as a {@code rollback} operation of the call, with {@code ok=false}, and does
 * not decide its outcome. Participating transactions begin nothing and are ignored.
 * <p>
 * Spring begins and ends a transaction on one thread, so the transactions begun and not
 * yet ended are kept per thread, matched by identity, and bounded; each thread keeps its
 * (usually empty) list, so that a transaction costs no list and no thread-local entry.
 */
public class RollbackRecorder implements TransactionExecutionListener {

	static final String ROLLBACK_ONLY_CODE = "ROLLBACK_ONLY";

	static final String ROLLBACK_ONLY_MESSAGE = "the transaction was marked rollback-only and rolled back";

	static final int MAX_OPEN_TRANSACTIONS = 64;

	private static final ThreadLocal<ArrayList<Begun>> OPEN = new ThreadLocal<>();

	private final OutcomeRules outcomes;

	private final TracingFailures failures;

	/**
	 * Create a listener.
	 * @param outcomes describe the causes of rollbacks
	 * @param failures where fntrace's own failures go
	 */
	public RollbackRecorder(OutcomeRules outcomes, TracingFailures failures) {
		this.outcomes = outcomes;
		this.failures = failures;
	}

	@Override
	public void afterBegin(TransactionExecution transaction, Throwable beginFailure) {
		if (beginFailure != null || !(transaction.isNewTransaction() || transaction.isNested())) {
			return;
		}
		try {
			TraceBuilder trace = TraceContext.current();
			if (trace == null) {
				return;
			}
			String name = transaction.getTransactionName();
			boolean unnamed = name == null || name.isEmpty();
			boolean atBoundary = unnamed || Objects.equals(name, trace.methodName());
			boolean owned = atBoundary && trace.claimTransaction();
			open().add(new Begun(transaction, trace, owned, System.nanoTime()));
		}
		catch (RuntimeException | LinkageError ex) {
			this.failures.record("record a transaction", ex);
		}
	}

	@Override
	public void afterCommit(TransactionExecution transaction, Throwable commitFailure) {
		Begun begun = close(transaction);
		if (begun != null && commitFailure != null) {
			rolledBack(begun, commitFailure);
		}
	}

	@Override
	public void afterRollback(TransactionExecution transaction, Throwable rollbackFailure) {
		Begun begun = close(transaction);
		if (begun == null) {
			return;
		}
		if (begun.owned() && transaction.isReadOnly() && rollbackFailure == null) {
			return;
		}
		rolledBack(begun, rollbackFailure);
	}

	private void rolledBack(Begun begun, Throwable cause) {
		try {
			TraceBuilder trace = begun.trace();
			if (begun.owned()) {
				if (cause != null) {
					trace.markRolledBack(this.outcomes.codeOf(cause), this.outcomes.messageOf(cause));
				}
				else {
					trace.markRolledBack(ROLLBACK_ONLY_CODE, ROLLBACK_ONLY_MESSAGE);
				}
			}
			else {
				long now = System.nanoTime();
				trace.addOp(DbOp.ROLLBACK, shortName(begun.transaction().getTransactionName()), null,
						begun.startNanos(), now - begun.startNanos(), false, null, null);
			}
		}
		catch (RuntimeException | LinkageError ex) {
			this.failures.record("record a rollback", ex);
		}
	}

	private static String shortName(String transactionName) {
		if (transactionName == null || transactionName.isEmpty()) {
			return null;
		}
		int method = transactionName.lastIndexOf('.');
		int type = (method > 0)
				? Math.max(transactionName.lastIndexOf('.', method - 1), transactionName.lastIndexOf('$', method - 1))
				: -1;
		return transactionName.substring(type + 1);
	}

	static int openTransactionCount() {
		ArrayList<Begun> open = OPEN.get();
		return (open != null) ? open.size() : 0;
	}

	private static ArrayList<Begun> open() {
		ArrayList<Begun> open = OPEN.get();
		if (open == null) {
			open = new ArrayList<>(4);
			OPEN.set(open);
		}
		else if (open.size() >= MAX_OPEN_TRANSACTIONS) {
			open.remove(0);
		}
		return open;
	}

	private static Begun close(TransactionExecution transaction) {
		ArrayList<Begun> open = OPEN.get();
		if (open == null) {
			return null;
		}
		for (int i = open.size() - 1; i >= 0; i--) {
			if (open.get(i).transaction() == transaction) {
				// the emptied list stays with the thread: its next transaction reuses it
				return open.remove(i);
			}
		}
		return null;
	}

	/**
	 * A transaction begun inside a traced call and not yet ended.
	 *
	 * @param transaction the transaction
	 * @param trace the call it was begun in
	 * @param owned whether the call owns it
	 * @param startNanos when it began
	 */
	private record Begun(TransactionExecution transaction, TraceBuilder trace, boolean owned, long startNanos) {

	}

}
