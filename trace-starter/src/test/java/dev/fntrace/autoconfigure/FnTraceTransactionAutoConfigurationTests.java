package dev.fntrace.autoconfigure;

import dev.fntrace.capture.tx.RollbackRecorder;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.TransactionExecutionListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FnTraceTransactionAutoConfiguration}: listening to transaction managers.
 */
class FnTraceTransactionAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(FnTraceAutoConfiguration.class, FnTraceTransactionAutoConfiguration.class));

	@Test
	void listensToTransactionManagers() {
		this.runner
			.withBean(DataSourceTransactionManager.class,
					() -> new DataSourceTransactionManager(new SimpleDriverDataSource()))
			.run((context) -> assertThat(
					context.getBean(DataSourceTransactionManager.class).getTransactionExecutionListeners())
				.containsExactly(context.getBean(RollbackRecorder.class)));
	}

	@Test
	void isAbsentWithoutSpringTx() {
		this.runner.withClassLoader(new FilteredClassLoader(TransactionExecutionListener.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(RollbackRecorder.class));
	}

	@Test
	void listensToNothingWhenTheCoreAutoConfigurationIsExcluded() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(FnTraceTransactionAutoConfiguration.class))
			.withBean(DataSourceTransactionManager.class,
					() -> new DataSourceTransactionManager(new SimpleDriverDataSource()))
			.run((context) -> assertThat(
					context.getBean(DataSourceTransactionManager.class).getTransactionExecutionListeners())
				.isEmpty());
	}

}
