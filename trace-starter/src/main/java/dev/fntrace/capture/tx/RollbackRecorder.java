package dev.fntrace.capture.tx;

import dev.fntrace.capture.TraceContext;
import dev.fntrace.capture.TraceRecorder;
import dev.fntrace.capture.TracingFailures;
import dev.fntrace.model.TraceBuilder;

import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * Marks the current call {@code rolled_back} when a transaction it began ends in rollback: an
 * exception through {@code @Transactional}, {@code setRollbackOnly()}, or a commit that failed.
 * Spring calls the listener only for transactions that begin and end at this boundary (and for
 * savepoints), never for a participating transaction, so the current call is the one that owns the
 * transaction.
 */
public class RollbackRecorder implements TransactionExecutionListener {

	static final String ROLLBACK_ONLY_CODE = "ROLLBACK_ONLY";

	static final String ROLLBACK_ONLY_MESSAGE = "the transaction was marked rollback-only and rolled back";

	private final TraceRecorder recorder;

	private final TracingFailures failures;

	/**
	 * Create a listener.
	 * @param recorder describes the causes of rollbacks
	 * @param failures where fntrace's own failures go
	 */
	public RollbackRecorder(TraceRecorder recorder, TracingFailures failures) {
		this.recorder = recorder;
		this.failures = failures;
	}

	@Override
	public void afterRollback(TransactionExecution transaction, Throwable rollbackFailure) {
		if (!transaction.isReadOnly() || rollbackFailure != null) {
			mark(rollbackFailure);
		}
	}

	@Override
	public void afterCommit(TransactionExecution transaction, Throwable commitFailure) {
		if (commitFailure != null) {
			mark(commitFailure);
		}
	}

	private void mark(Throwable cause) {
		try {
			TraceBuilder trace = TraceContext.current();
			if (trace == null) {
				return;
			}
			if (cause != null) {
				trace.markRolledBack(this.recorder.codeOf(cause), this.recorder.truncate(cause.getMessage()));
			}
			else {
				trace.markRolledBack(ROLLBACK_ONLY_CODE, ROLLBACK_ONLY_MESSAGE);
			}
		}
		catch (RuntimeException | LinkageError ex) {
			this.failures.record("record a rollback", ex);
		}
	}

}
