package dev.fntrace.capture.tx;

import java.sql.SQLException;

import javax.sql.DataSource;

import dev.fntrace.TraceLogReads;
import dev.fntrace.Traced;
import dev.fntrace.autoconfigure.FnTraceAutoConfiguration;
import dev.fntrace.autoconfigure.FnTraceJdbcAutoConfiguration;
import dev.fntrace.autoconfigure.FnTraceTransactionAutoConfiguration;
import dev.fntrace.log.TraceLog;
import dev.fntrace.model.DbOp;
import dev.fntrace.model.FnOutcome;
import dev.fntrace.model.FnTrace;
import dev.fntrace.model.OpTrace;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Which transaction a traced call owns, on plain JDBC: only the rollback of the
 * transaction begun at the call's own boundary makes it {@code rolled_back}; inner
 * transactions that roll back are operations of the call, and a call that joins another's
 * transaction is never the one undone.
 */
class TransactionOwnershipTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(FnTraceAutoConfiguration.class, FnTraceJdbcAutoConfiguration.class,
				FnTraceTransactionAutoConfiguration.class))
		.withUserConfiguration(AppConfiguration.class);

	@Test
	void actionThatCatchesAFailedRequiresNewTransactionIsOkAndShowsTheRollback() {
		this.runner.run((context) -> {
			assertThat(context.getBean(Auctions.class).actionCatchingInnerFailure()).isEqualTo("caught");
			FnTrace trace = onlyTrace(context, "Auctions.actionCatchingInnerFailure");
			assertThat(trace.outcome()).isEqualTo(FnOutcome.OK);
			assertThat(rollbacks(trace)).extracting(OpTrace::entity).containsExactly("Ledger.failInNewTransaction");
			assertThat(rollbacks(trace)).allSatisfy((op) -> assertThat(op.ok()).isFalse());
			assertThat(bids(context)).isZero();
		});
	}

	@Test
	void mutationWhoseOwnTransactionCommitsIsOkDespiteAFailedRequiresNewTransaction() {
		this.runner.run((context) -> {
			context.getBean(Auctions.class).mutationCatchingInnerFailure();
			FnTrace trace = onlyTrace(context, "Auctions.mutationCatchingInnerFailure");
			assertThat(trace.outcome()).isEqualTo(FnOutcome.OK);
			assertThat(rollbacks(trace)).hasSize(1);
			assertThat(bids(context)).isEqualTo(1);
		});
	}

	@Test
	void mutationWhoseNestedSavepointRollsBackIsOk() {
		this.runner.run((context) -> {
			context.getBean(Auctions.class).mutationCatchingNestedFailure();
			FnTrace trace = onlyTrace(context, "Auctions.mutationCatchingNestedFailure");
			assertThat(trace.outcome()).isEqualTo(FnOutcome.OK);
			assertThat(rollbacks(trace)).extracting(OpTrace::entity).containsExactly("Ledger.failNested");
			assertThat(bids(context)).isEqualTo(1);
		});
	}

	@Test
	void tracedRequiresNewCallThatFailsIsRolledBackAndItsCallerIsOk() {
		this.runner.run((context) -> {
			context.getBean(Auctions.class).actionCallingTracedInnerFailure();
			assertThat(onlyTrace(context, "Ledger.tracedFailInNewTransaction").outcome())
				.isInstanceOf(FnOutcome.RolledBack.class);
			assertThat(onlyTrace(context, "Auctions.actionCallingTracedInnerFailure").outcome())
				.isEqualTo(FnOutcome.OK);
		});
	}

	@Test
	void callThatJoinsAnOuterTransactionAndThrowsIsAnErrorAndTheOwnerIsRolledBack() {
		this.runner.run((context) -> {
			assertThatExceptionOfType(UnexpectedRollbackException.class)
				.isThrownBy(() -> context.getBean(Auctions.class).mutationCatchingJoinedFailure());
			FnTrace joined = onlyTrace(context, "Ledger.tracedFailJoined");
			assertThat(joined.outcome()).isInstanceOf(FnOutcome.Errored.class);
			assertThat(joined.outcome().isFailure()).isTrue();
			FnTrace owner = onlyTrace(context, "Auctions.mutationCatchingJoinedFailure");
			assertThat(owner.outcome()).isInstanceOf(FnOutcome.RolledBack.class);
			assertThat(((FnOutcome.RolledBack) owner.outcome()).code()).isEqualTo("UnexpectedRollbackException");
			assertThat(bids(context)).isZero();
		});
	}

	@Test
	void actionWhoseOwnProgrammaticTransactionRollsBackIsRolledBack() {
		this.runner.run((context) -> {
			context.getBean(Auctions.class).actionWithProgrammaticRollback();
			FnTrace trace = onlyTrace(context, "Auctions.actionWithProgrammaticRollback");
			assertThat(trace.outcome()).isEqualTo(new FnOutcome.RolledBack(RollbackRecorder.ROLLBACK_ONLY_CODE,
					RollbackRecorder.ROLLBACK_ONLY_MESSAGE));
			assertThat(rollbacks(trace)).isEmpty();
		});
	}

	@Test
	void callWhoseTransactionCannotBeginIsTracedAsAnError() {
		this.runner.run((context) -> {
			assertThatExceptionOfType(CannotCreateTransactionException.class)
				.isThrownBy(() -> context.getBean(Auctions.class).onBrokenDatabase());
			FnTrace trace = onlyTrace(context, "Auctions.onBrokenDatabase");
			assertThat(trace.outcome()).isInstanceOf(FnOutcome.Errored.class);
			assertThat(((FnOutcome.Errored) trace.outcome()).code()).isEqualTo("CannotCreateTransactionException");
		});
	}

	@Test
	void noTransactionIsLeftOpenOnTheThreadAfterward() {
		this.runner.run((context) -> {
			Auctions auctions = context.getBean(Auctions.class);
			auctions.actionCatchingInnerFailure();
			auctions.mutationCatchingNestedFailure();
			assertThat(RollbackRecorder.openTransactionCount()).isZero();
		});
	}

	private static FnTrace onlyTrace(AssertableApplicationContext context, String fn) {
		return TraceLogReads.onlyTrace(context.getBean(TraceLog.class), fn);
	}

	private static java.util.List<OpTrace> rollbacks(FnTrace trace) {
		return trace.ops().stream().filter((op) -> op.op() == DbOp.ROLLBACK).toList();
	}

	private static long bids(AssertableApplicationContext context) {
		return context.getBean(JdbcTemplate.class).queryForObject("select count(*) from bid", Long.class);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableTransactionManagement
	static class AppConfiguration {

		@Bean
		DataSource dataSource() {
			return new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2)
				.generateUniqueName(true)
				.addScript("auction-schema.sql")
				.build();
		}

		@Bean
		JdbcTemplate jdbcTemplate(DataSource dataSource) {
			return new JdbcTemplate(dataSource);
		}

		@Bean
		@Primary
		DataSourceTransactionManager transactionManager(DataSource dataSource) {
			return new DataSourceTransactionManager(dataSource);
		}

		@Bean
		DataSourceTransactionManager brokenTransactionManager() {
			SimpleDriverDataSource broken = new SimpleDriverDataSource() {

				@Override
				protected java.sql.Connection getConnectionFromDriver(String username, String password)
						throws SQLException {
					throw new SQLException("database is down");
				}

			};
			return new DataSourceTransactionManager(broken);
		}

		@Bean
		Ledger ledger(JdbcTemplate jdbc) {
			return new Ledger(jdbc);
		}

		@Bean
		Auctions auctions(JdbcTemplate jdbc, Ledger ledger, PlatformTransactionManager transactionManager) {
			return new Auctions(jdbc, ledger, new TransactionTemplate(transactionManager));
		}

	}

	static class Ledger {

		private final JdbcTemplate jdbc;

		Ledger(JdbcTemplate jdbc) {
			this.jdbc = jdbc;
		}

		@Transactional(propagation = Propagation.REQUIRES_NEW)
		public void failInNewTransaction() {
			this.jdbc.update("insert into bid (lot_id, amount) values (1, 5)");
			throw new IllegalStateException("ledger is full");
		}

		@Traced
		@Transactional(propagation = Propagation.REQUIRES_NEW)
		public void tracedFailInNewTransaction() {
			failInNewTransaction();
		}

		@Transactional(propagation = Propagation.NESTED)
		public void failNested() {
			this.jdbc.update("insert into bid (lot_id, amount) values (1, 6)");
			throw new IllegalStateException("nested write refused");
		}

		@Traced
		@Transactional
		public void tracedFailJoined() {
			throw new IllegalStateException("joined call failed");
		}

	}

	static class Auctions {

		private final JdbcTemplate jdbc;

		private final Ledger ledger;

		private final TransactionTemplate transactions;

		Auctions(JdbcTemplate jdbc, Ledger ledger, TransactionTemplate transactions) {
			this.jdbc = jdbc;
			this.ledger = ledger;
			this.transactions = transactions;
		}

		@Traced
		public String actionCatchingInnerFailure() {
			try {
				this.ledger.failInNewTransaction();
				return "not caught";
			}
			catch (IllegalStateException ex) {
				return "caught";
			}
		}

		@Traced
		@Transactional
		public void mutationCatchingInnerFailure() {
			this.jdbc.update("insert into bid (lot_id, amount) values (1, 7)");
			try {
				this.ledger.failInNewTransaction();
			}
			catch (IllegalStateException ex) {
				// the outer transaction goes on
			}
		}

		@Traced
		@Transactional
		public void mutationCatchingNestedFailure() {
			this.jdbc.update("insert into bid (lot_id, amount) values (1, 8)");
			try {
				this.ledger.failNested();
			}
			catch (IllegalStateException ex) {
				// rolled back to the savepoint; the outer transaction goes on
			}
		}

		@Traced
		public void actionCallingTracedInnerFailure() {
			try {
				this.ledger.tracedFailInNewTransaction();
			}
			catch (IllegalStateException ex) {
				// handled
			}
		}

		@Traced
		@Transactional
		public void mutationCatchingJoinedFailure() {
			this.jdbc.update("insert into bid (lot_id, amount) values (1, 9)");
			try {
				this.ledger.tracedFailJoined();
			}
			catch (IllegalStateException ex) {
				// the shared transaction is rollback-only now
			}
		}

		@Traced
		public void actionWithProgrammaticRollback() {
			this.transactions.executeWithoutResult((status) -> {
				this.jdbc.update("insert into bid (lot_id, amount) values (1, 10)");
				status.setRollbackOnly();
			});
		}

		@Traced
		@Transactional("brokenTransactionManager")
		public void onBrokenDatabase() {
		}

	}

}
