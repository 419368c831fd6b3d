package dev.fntrace.capture.scheduling;

/**
 * Defers work until the current transaction commits. Without spring-tx, or outside a
 * transaction, nothing is deferred.
 */
public interface AfterCommit {

	/** Defers nothing: for applications without spring-tx. */
	AfterCommit NEVER = (onCommit, onRollback) -> false;

	/**
	 * Run work once the current transaction commits, or other work if it does not.
	 * @param onCommit run after the commit
	 * @param onRollback run when the transaction ends without committing
	 * @return {@code true} if a transaction is active and the work was deferred;
	 * {@code false} if there is none and the caller should go ahead now
	 */
	boolean defer(Runnable onCommit, Runnable onRollback);

	/**
	 * Defer to the commit of the transaction Spring's
	 * {@code TransactionSynchronizationManager} has bound to the thread. Call only where
	 * spring-tx is present.
	 * @return the strategy
	 */
	static AfterCommit transactionSynchronization() {
		return new TransactionSynchronizationAfterCommit();
	}

}
