package dev.fntrace.capture;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import javax.sql.DataSource;

import dev.fntrace.TraceLogReads;
import dev.fntrace.CodedError;
import dev.fntrace.FnException;
import dev.fntrace.Traced;
import dev.fntrace.autoconfigure.FnTraceAutoConfiguration;
import dev.fntrace.autoconfigure.FnTraceJdbcAutoConfiguration;
import dev.fntrace.autoconfigure.FnTraceTransactionAutoConfiguration;
import dev.fntrace.log.TraceLog;
import dev.fntrace.log.TraceQuery;
import dev.fntrace.log.TraceSink;
import dev.fntrace.model.DbOp;
import dev.fntrace.model.FnOutcome;
import dev.fntrace.model.FnTrace;
import dev.fntrace.model.FnType;
import dev.fntrace.model.OpTrace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Calls of {@code @Traced} methods in a real application context with an H2 database, a
 * transaction manager and the fntrace auto-configuration: the outcome rules, naming,
 * identity, nesting and SQL capture.
 */
class TracedCallsTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(FnTraceAutoConfiguration.class, FnTraceJdbcAutoConfiguration.class,
				FnTraceTransactionAutoConfiguration.class))
		.withUserConfiguration(AppConfiguration.class);

	@AfterEach
	void clearThreadState() {
		SecurityContextHolder.clearContext();
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void returningMutationIsOkWithItsSqlOps() {
		this.runner.run((context) -> {
			context.getBean(AuctionService.class).placeBid(1, 200);
			FnTrace trace = onlyTrace(context, "placeBid");
			assertThat(trace.fnType()).isEqualTo(FnType.MUTATION);
			assertThat(trace.outcome()).isEqualTo(FnOutcome.OK);
			assertThat(trace.ops()).extracting(OpTrace::op, OpTrace::entity)
				.containsExactly(org.assertj.core.groups.Tuple.tuple(DbOp.QUERY, "lot"),
						org.assertj.core.groups.Tuple.tuple(DbOp.INSERT, "bid"),
						org.assertj.core.groups.Tuple.tuple(DbOp.UPDATE, "lot"));
			assertThat(trace.ops()).allSatisfy((op) -> {
				assertThat(op.ok()).isTrue();
				assertThat(op.durationMs()).isGreaterThanOrEqualTo(0);
				assertThat(op.offsetMs()).isGreaterThanOrEqualTo(0).isLessThanOrEqualTo(trace.durationMs());
				assertThat(op.sql()).contains("?").doesNotContain("200");
			});
			assertThat(trace.ops().get(0).rowCount()).isEqualTo(1);
			assertThat(trace.ops().get(1).rowCount()).isEqualTo(1);
			assertThat(trace.ops().get(2).rowCount()).isEqualTo(1);
		});
	}

	@Test
	void queryCountsTheRowsItRead() {
		this.runner.run((context) -> {
			List<String> titles = context.getBean(AuctionService.class).lotTitles();
			FnTrace trace = onlyTrace(context, "AuctionService.lotTitles");
			assertThat(trace.fnType()).isEqualTo(FnType.QUERY);
			assertThat(trace.ops()).singleElement().satisfies((op) -> {
				assertThat(op.op()).isEqualTo(DbOp.QUERY);
				assertThat(op.entity()).isEqualTo("lot");
				assertThat(op.rowCount()).isEqualTo(titles.size()).isEqualTo(3);
			});
		});
	}

	@Test
	void exceptionThroughTransactionalIsRolledBackWithItsCode() {
		this.runner.run((context) -> {
			AuctionService service = context.getBean(AuctionService.class);
			assertThatExceptionOfType(BidTooLowException.class).isThrownBy(() -> service.placeBid(1, 5));
			FnTrace trace = onlyTrace(context, "placeBid");
			assertThat(trace.outcome()).isEqualTo(new FnOutcome.RolledBack("BID_TOO_LOW", "bid 5 is not above 100"));
			assertThat(context.getBean(JdbcTemplate.class).queryForObject("select count(*) from bid", Integer.class))
				.isZero();
		});
	}

	@Test
	void rollbackOnlyWithoutExceptionIsRolledBack() {
		this.runner.run((context) -> {
			assertThat(context.getBean(AuctionService.class).tryBid(1, 500)).isEqualTo("declined");
			FnTrace trace = onlyTrace(context, "AuctionService.tryBid");
			assertThat(trace.outcome()).isInstanceOfSatisfying(FnOutcome.RolledBack.class,
					(rolledBack) -> assertThat(rolledBack.code()).isEqualTo("ROLLBACK_ONLY"));
		});
	}

	@Test
	void failedCommitIsRolledBack() {
		this.runner.withPropertyValues("test.fail-commit=true").run((context) -> {
			context.getBean(FailingCommitTransactionManager.class).failNextCommit = true;
			AuctionService service = context.getBean(AuctionService.class);
			assertThatExceptionOfType(TransactionSystemException.class).isThrownBy(() -> service.placeBid(1, 300));
			FnTrace trace = onlyTrace(context, "placeBid");
			assertThat(trace.outcome()).isInstanceOfSatisfying(FnOutcome.RolledBack.class,
					(rolledBack) -> assertThat(rolledBack.code()).isEqualTo("TransactionSystemException"));
		});
	}

	@Test
	void readOnlyQueryThatThrowsIsError() {
		this.runner.run((context) -> {
			AuctionService service = context.getBean(AuctionService.class);
			assertThatExceptionOfType(FnException.class).isThrownBy(() -> service.missingLot());
			FnTrace trace = onlyTrace(context, "AuctionService.missingLot");
			assertThat(trace.fnType()).isEqualTo(FnType.QUERY);
			assertThat(trace.outcome()).isEqualTo(new FnOutcome.Errored("LOT_NOT_FOUND", "no lot 9"));
		});
	}

	@Test
	void exceptionWithoutTransactionIsError() {
		this.runner.run((context) -> {
			Notifier notifier = context.getBean(Notifier.class);
			assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> notifier.notifyWinner(-1));
			FnTrace trace = onlyTrace(context, "Notifier.notifyWinner");
			assertThat(trace.fnType()).isEqualTo(FnType.ACTION);
			assertThat(trace.outcome()).isEqualTo(new FnOutcome.Errored("IllegalStateException", "no lot -1"));
		});
	}

	@Test
	void exceptionThatCommitsIsError() {
		this.runner.run((context) -> {
			AuctionService service = context.getBean(AuctionService.class);
			assertThatExceptionOfType(AuditFailure.class).isThrownBy(() -> service.auditAndFail());
			FnTrace trace = onlyTrace(context, "AuctionService.auditAndFail");
			assertThat(trace.outcome()).isEqualTo(new FnOutcome.Errored("AUDIT_FAILED", "audit failed"));
		});
	}

	@Test
	void longMessagesAreTruncated() {
		this.runner.withPropertyValues("fntrace.max-message-length=10").run((context) -> {
			Notifier notifier = context.getBean(Notifier.class);
			assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> notifier.notifyWinner(-123456789));
			FnTrace trace = onlyTrace(context, "Notifier.notifyWinner");
			assertThat(((FnOutcome.Errored) trace.outcome()).message()).isEqualTo("no lot -12…");
		});
	}

	@Test
	void nestedCallHasItsOwnTraceWithParentAndInheritedIdentity() {
		this.runner.run((context) -> {
			SecurityContextHolder.getContext()
				.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("alice", null, List.of()));
			MockHttpServletRequest request = new MockHttpServletRequest();
			request.addHeader("X-Tenant-Id", "acme");
			RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
			context.getBean(Notifier.class).autoBid(1, 150);
			FnTrace inner = onlyTrace(context, "placeBid");
			FnTrace outer = onlyTrace(context, "Notifier.autoBid");
			assertThat(inner.parentCallId()).isEqualTo(outer.callId());
			assertThat(outer.parentCallId()).isNull();
			assertThat(inner.userId()).isEqualTo(outer.userId()).isEqualTo("alice");
			assertThat(inner.tenantId()).isEqualTo(outer.tenantId()).isEqualTo("acme");
			assertThat(outer.ops()).isEmpty();
			assertThat(inner.ops()).hasSize(3);
			assertThat(context.getBean(TraceLog.class).find(TraceQuery.newest(10))).extracting(FnTrace::fnName)
				.containsExactly("Notifier.autoBid", "placeBid");
		});
	}

	@Test
	void anonymousCallsHaveNoUser() {
		this.runner.run((context) -> {
			context.getBean(AuctionService.class).lotTitles();
			FnTrace trace = onlyTrace(context, "AuctionService.lotTitles");
			assertThat(trace.userId()).isNull();
			assertThat(trace.tenantId()).isNull();
		});
	}

	@Test
	void completionStageIsFinishedWhenItCompletes() {
		this.runner.run((context) -> {
			CompletableFuture<String> future = new CompletableFuture<>();
			CompletionStage<String> returned = context.getBean(Notifier.class).later(future);
			assertThat(returned).isSameAs(future);
			assertThat(context.getBean(TraceLog.class).find(TraceQuery.newest(10))).isEmpty();
			future.completeExceptionally(new FnException("TIMED_OUT", "no answer"));
			FnTrace trace = onlyTrace(context, "Notifier.later");
			assertThat(trace.outcome()).isEqualTo(new FnOutcome.Errored("TIMED_OUT", "no answer"));
		});
	}

	@Test
	void classLevelTracedCoversPublicMethodsOnly() {
		this.runner.run((context) -> {
			Notifier notifier = context.getBean(Notifier.class);
			notifier.ping();
			notifier.toString();
			notifier.hashCode();
			assertThat(context.getBean(TraceLog.class).find(TraceQuery.newest(10))).extracting(FnTrace::fnName)
				.containsExactly("Notifier.ping");
		});
	}

	@Test
	void explicitTypeWinsOverInference() {
		this.runner.run((context) -> {
			context.getBean(AuctionService.class).reindex();
			assertThat(onlyTrace(context, "reindex").fnType()).isEqualTo(FnType.ACTION);
		});
	}

	@Test
	void valuesAreNotRecordedByDefault() {
		this.runner.run((context) -> {
			context.getBean(AuctionService.class).lotTitles();
			assertThat(onlyTrace(context, "AuctionService.lotTitles").outcome()).isEqualTo(FnOutcome.OK);
		});
	}

	@Test
	void valuesAreRecordedAsJsonWhenEnabled() {
		this.runner.withPropertyValues("fntrace.record-values=true").run((context) -> {
			context.getBean(AuctionService.class).lotTitles();
			assertThat(onlyTrace(context, "AuctionService.lotTitles").outcome())
				.isEqualTo(new FnOutcome.Ok("[\"Bike\",\"Clock\",\"Lamp\"]"));
		});
	}

	@Test
	void excludedFunctionsAreNotRecorded() {
		this.runner.withPropertyValues("fntrace.exclude=Notifier.*").run((context) -> {
			context.getBean(Notifier.class).autoBid(1, 150);
			assertThat(context.getBean(TraceLog.class).find(TraceQuery.newest(10))).extracting(FnTrace::fnName)
				.containsExactly("placeBid");
		});
	}

	@Test
	void failingSinkDoesNotReachTheCall() {
		this.runner.withBean("brokenSink", TraceSink.class, () -> (trace) -> {
			throw new IllegalStateException("sink is broken");
		}).run((context) -> {
			assertThat(context.getBean(AuctionService.class).lotTitles()).hasSize(3);
			assertThat(context.getBean(TracingFailures.class).count()).isEqualTo(1);
			assertThat(onlyTrace(context, "AuctionService.lotTitles").outcome()).isEqualTo(FnOutcome.OK);
		});
	}

	@Test
	void failingIdentityResolverCostsOnlyThatFieldAndIsCounted() {
		this.runner.withBean(dev.fntrace.capture.identity.UserIdResolver.class, () -> () -> {
			throw new IllegalStateException("resolver is broken");
		}).withBean(dev.fntrace.capture.identity.TenantIdResolver.class, () -> () -> "acme").run((context) -> {
			assertThat(context.getBean(AuctionService.class).lotTitles()).hasSize(3);
			FnTrace trace = onlyTrace(context, "AuctionService.lotTitles");
			assertThat(trace.userId()).isNull();
			assertThat(trace.tenantId()).isEqualTo("acme");
			assertThat(trace.outcome()).isEqualTo(FnOutcome.OK);
			assertThat(context.getBean(TracingFailures.class).counts())
				.containsExactly(org.assertj.core.api.Assertions.entry("resolve the user id", 1L));
		});
	}

	@Test
	void oversizedIdentityIsCutToItsBound() {
		this.runner.withBean(dev.fntrace.capture.identity.UserIdResolver.class, () -> () -> "u".repeat(10_000))
			.run((context) -> {
				context.getBean(AuctionService.class).lotTitles();
				FnTrace trace = onlyTrace(context, "AuctionService.lotTitles");
				assertThat(trace.userId()).hasSize(TraceRecorder.MAX_ID_LENGTH + 1).endsWith("…");
			});
	}

	@Test
	void sqlOutsideTracedCallsIsNotRecorded() {
		this.runner.run((context) -> {
			context.getBean(JdbcTemplate.class).queryForList("select title from lot");
			assertThat(context.getBean(TraceLog.class).totalCount()).isZero();
		});
	}

	@Test
	void batchIsOneOpWithItsSize() {
		this.runner.run((context) -> {
			context.getBean(AuctionService.class).addLots(List.of("Vase", "Rug", "Desk"));
			FnTrace trace = onlyTrace(context, "AuctionService.addLots");
			assertThat(trace.ops()).singleElement().satisfies((op) -> {
				assertThat(op.op()).isEqualTo(DbOp.INSERT);
				assertThat(op.batchSize()).isEqualTo(3);
				assertThat(op.rowCount()).isEqualTo(3);
			});
		});
	}

	@Test
	void opsBeyondTheLimitAreCountedAsDropped() {
		this.runner.withPropertyValues("fntrace.max-ops-per-trace=2").run((context) -> {
			context.getBean(AuctionService.class).placeBid(1, 200);
			FnTrace trace = onlyTrace(context, "placeBid");
			assertThat(trace.ops()).hasSize(2);
			assertThat(trace.opsDropped()).isEqualTo(1);
		});
	}

	@Test
	void longStatementsAreCut() {
		this.runner.withPropertyValues("fntrace.jdbc.max-sql-length=20").run((context) -> {
			context.getBean(AuctionService.class).lotTitles();
			FnTrace trace = onlyTrace(context, "AuctionService.lotTitles");
			assertThat(trace.ops()).singleElement()
				.satisfies((op) -> assertThat(op.sql()).isEqualTo("select title from lo…"));
		});
	}

	@Test
	void failedStatementIsAnOpThatIsNotOk() {
		this.runner.run((context) -> {
			AuctionService service = context.getBean(AuctionService.class);
			assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> service.brokenQuery());
			FnTrace trace = onlyTrace(context, "AuctionService.brokenQuery");
			assertThat(trace.ops()).singleElement().satisfies((op) -> {
				assertThat(op.ok()).isFalse();
				assertThat(op.entity()).isEqualTo("no_such_table");
			});
			assertThat(trace.outcome()).isInstanceOf(FnOutcome.RolledBack.class);
		});
	}

	private static FnTrace onlyTrace(AssertableApplicationContext context, String fn) {
		return TraceLogReads.onlyTrace(context.getBean(TraceLog.class), fn);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableTransactionManagement
	static class AppConfiguration {

		@Bean
		DataSource dataSource() {
			return new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2)
				.generateUniqueName(true)
				.addScript("classpath:auction-schema.sql")
				.build();
		}

		@Bean
		FailingCommitTransactionManager transactionManager(DataSource dataSource) {
			return new FailingCommitTransactionManager(dataSource);
		}

		@Bean
		JdbcTemplate jdbcTemplate(DataSource dataSource) {
			return new JdbcTemplate(dataSource);
		}

		@Bean
		AuctionService auctionService(JdbcTemplate jdbc) {
			return new AuctionService(jdbc);
		}

		@Bean
		Notifier notifier(AuctionService auctions) {
			return new Notifier(auctions);
		}

	}

	static class FailingCommitTransactionManager extends DataSourceTransactionManager {

		volatile boolean failNextCommit;

		FailingCommitTransactionManager(DataSource dataSource) {
			super(dataSource);
		}

		@Override
		protected void doCommit(DefaultTransactionStatus status) {
			if (this.failNextCommit) {
				this.failNextCommit = false;
				throw new TransactionSystemException("commit failed");
			}
			super.doCommit(status);
		}

	}

	static class BidTooLowException extends FnException {

		BidTooLowException(long amount, long price) {
			super("BID_TOO_LOW", "bid " + amount + " is not above " + price);
		}

	}

	static class AuditFailure extends RuntimeException implements CodedError {

		AuditFailure() {
			super("audit failed");
		}

		@Override
		public String code() {
			return "AUDIT_FAILED";
		}

	}

	static class AuctionService {

		private final JdbcTemplate jdbc;

		AuctionService(JdbcTemplate jdbc) {
			this.jdbc = jdbc;
		}

		@Traced("placeBid")
		@Transactional
		public long placeBid(long lotId, long amount) {
			long price = this.jdbc.queryForObject("select current_price from lot where id = ?", Long.class, lotId);
			if (amount <= price) {
				throw new BidTooLowException(amount, price);
			}
			this.jdbc.update("insert into bid (lot_id, amount) values (?, ?)", lotId, amount);
			this.jdbc.update("update lot set current_price = ? where id = ?", amount, lotId);
			return amount;
		}

		@Traced
		@Transactional
		public String tryBid(long lotId, long amount) {
			this.jdbc.update("insert into bid (lot_id, amount) values (?, ?)", lotId, amount);
			TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
			return "declined";
		}

		@Traced
		@Transactional(readOnly = true)
		public List<String> lotTitles() {
			return this.jdbc.queryForList("select title from lot order by title", String.class);
		}

		@Traced
		@Transactional(readOnly = true)
		public String missingLot() {
			this.jdbc.queryForList("select title from lot where id = 9", String.class);
			throw new FnException("LOT_NOT_FOUND", "no lot 9");
		}

		@Traced
		@Transactional(noRollbackFor = AuditFailure.class)
		public void auditAndFail() {
			this.jdbc.update("insert into bid (lot_id, amount) values (?, ?)", 1, 1);
			throw new AuditFailure();
		}

		@Traced
		@Transactional
		public void addLots(List<String> titles) {
			this.jdbc.batchUpdate("insert into lot (title, current_price) values (?, 0)", titles, titles.size(),
					(statement, title) -> statement.setString(1, title));
		}

		@Traced
		@Transactional
		public void brokenQuery() {
			this.jdbc.queryForList("select * from no_such_table");
		}

		@Traced(value = "reindex", type = FnType.ACTION)
		@Transactional
		public void reindex() {
		}

	}

	@Traced
	static class Notifier {

		private final AuctionService auctions;

		Notifier(AuctionService auctions) {
			this.auctions = auctions;
		}

		public void notifyWinner(long lotId) {
			throw new IllegalStateException("no lot " + lotId);
		}

		public long autoBid(long lotId, long max) {
			return this.auctions.placeBid(lotId, max);
		}

		public CompletionStage<String> later(CompletableFuture<String> future) {
			return future;
		}

		public void ping() {
		}

		@Override
		public String toString() {
			return "Notifier";
		}

	}

}
