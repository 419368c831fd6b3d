package dev.fntrace.capture.scheduling;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Defers work to the commit of the current Spring-managed transaction through a
 * {@link TransactionSynchronization}. Needs spring-tx: created only when it is present.
 */
final class TransactionSynchronizationAfterCommit implements AfterCommit {

	@Override
	public boolean defer(Runnable onCommit, Runnable onRollback) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()
				|| !TransactionSynchronizationManager.isActualTransactionActive()) {
			return false;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				onCommit.run();
			}

			@Override
			public void afterCompletion(int status) {
				if (status != STATUS_COMMITTED) {
					onRollback.run();
				}
			}

		});
		return true;
	}

}
