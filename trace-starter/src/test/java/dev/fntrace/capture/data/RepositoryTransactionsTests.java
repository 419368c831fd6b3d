package dev.fntrace.capture.data;

import java.util.List;

import dev.fntrace.TraceLogReads;
import dev.fntrace.Traced;
import dev.fntrace.autoconfigure.FnTraceAutoConfiguration;
import dev.fntrace.autoconfigure.FnTraceDataAutoConfiguration;
import dev.fntrace.autoconfigure.FnTraceJdbcAutoConfiguration;
import dev.fntrace.autoconfigure.FnTraceTransactionAutoConfiguration;
import dev.fntrace.log.TraceLog;
import dev.fntrace.model.DbOp;
import dev.fntrace.model.FnOutcome;
import dev.fntrace.model.FnTrace;
import dev.fntrace.model.OpTrace;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Which transaction a traced call owns, on JPA: a Spring Data repository's own
 * transaction that rolls back inside a traced action is an operation of the action, not
 * its outcome.
 */
class RepositoryTransactionsTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
				HibernateJpaAutoConfiguration.class, DataJpaRepositoriesAutoConfiguration.class,
				TransactionAutoConfiguration.class, AopAutoConfiguration.class, FnTraceAutoConfiguration.class,
				FnTraceJdbcAutoConfiguration.class, FnTraceTransactionAutoConfiguration.class,
				FnTraceDataAutoConfiguration.class))
		.withUserConfiguration(AppConfiguration.class);

	@Test
	void actionThatCatchesAFailedSaveIsOkAndShowsTheRepositorysRollback() {
		this.runner.run((context) -> {
			assertThat(context.getBean(Catalog.class).addOrIgnore(new Item(null))).isFalse();
			FnTrace trace = TraceLogReads.onlyTrace(context.getBean(TraceLog.class), "Catalog.addOrIgnore");
			assertThat(trace.outcome()).isEqualTo(FnOutcome.OK);
			assertThat(trace.ops()).singleElement().satisfies((op) -> {
				assertThat(op.op()).isEqualTo(DbOp.INSERT);
				assertThat(op.entity()).isEqualTo("Item");
				assertThat(op.ok()).isFalse();
			});
		});
	}

	@Test
	void actionWhoseSaveFailsAndPropagatesIsAnError() {
		this.runner.run((context) -> {
			assertThatExceptionOfType(DataIntegrityViolationException.class)
				.isThrownBy(() -> context.getBean(Catalog.class).add(new Item(null)));
			FnTrace trace = TraceLogReads.onlyTrace(context.getBean(TraceLog.class), "Catalog.add");
			assertThat(trace.outcome()).isInstanceOf(FnOutcome.Errored.class);
		});
	}

	@Test
	void mutationWhoseFailedSaveMarksItsTransactionIsRolledBack() {
		this.runner.run((context) -> {
			assertThatExceptionOfType(UnexpectedRollbackException.class)
				.isThrownBy(() -> context.getBean(Catalog.class).addAllOrIgnore(List.of(new Item(null))));
			FnTrace trace = TraceLogReads.onlyTrace(context.getBean(TraceLog.class), "Catalog.addAllOrIgnore");
			assertThat(trace.outcome()).isInstanceOf(FnOutcome.RolledBack.class);
			assertThat(trace.ops()).extracting(OpTrace::op).doesNotContain(DbOp.ROLLBACK);
		});
	}

	@Configuration(proxyBeanMethods = false)
	@AutoConfigurationPackage
	static class AppConfiguration {

		@Bean
		Catalog catalog(ItemRepository items) {
			return new Catalog(items);
		}

	}

	static class Catalog {

		private final ItemRepository items;

		Catalog(ItemRepository items) {
			this.items = items;
		}

		@Traced
		public boolean addOrIgnore(Item item) {
			try {
				this.items.save(item);
				return true;
			}
			catch (DataIntegrityViolationException ex) {
				return false;
			}
		}

		@Traced
		public Item add(Item item) {
			return this.items.save(item);
		}

		@Traced
		@Transactional
		public int addAllOrIgnore(List<Item> newItems) {
			int added = 0;
			for (Item item : newItems) {
				try {
					this.items.saveAndFlush(item);
					added++;
				}
				catch (DataIntegrityViolationException ex) {
					// the shared transaction is rollback-only now
				}
			}
			return added;
		}

	}

}
