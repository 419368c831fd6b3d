package dev.fntrace.autoconfigure;

import dev.fntrace.capture.OutcomeRules;
import dev.fntrace.capture.TracingFailures;
import dev.fntrace.capture.tx.RollbackRecorder;
import dev.fntrace.capture.tx.RollbackRecorderRegistrar;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * Auto-configuration that listens to every transaction manager, so that a traced call
 * whose own transaction rolls back is recorded as {@code rolled_back}, and inner
 * transactions that roll back are recorded as operations of the call.
 */
@AutoConfiguration(after = FnTraceAutoConfiguration.class)
@ConditionalOnClass(TransactionExecutionListener.class)
@ConditionalOnBooleanProperty(name = "fntrace.enabled", matchIfMissing = true)
public final class FnTraceTransactionAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean({ OutcomeRules.class, TracingFailures.class })
	RollbackRecorder fnRollbackRecorder(OutcomeRules outcomes, TracingFailures failures) {
		return new RollbackRecorder(outcomes, failures);
	}

	@Bean
	@ConditionalOnMissingBean
	static RollbackRecorderRegistrar fnRollbackRecorderRegistrar(ObjectProvider<RollbackRecorder> recorder) {
		return new RollbackRecorderRegistrar(recorder);
	}

}
