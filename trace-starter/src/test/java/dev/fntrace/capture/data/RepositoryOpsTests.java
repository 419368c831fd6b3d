package dev.fntrace.capture.data;

import java.util.List;
import java.util.function.Function;

import dev.fntrace.TraceLogReads;
import dev.fntrace.Traced;
import dev.fntrace.autoconfigure.FnTraceAutoConfiguration;
import dev.fntrace.autoconfigure.FnTraceDataAutoConfiguration;
import dev.fntrace.autoconfigure.FnTraceJdbcAutoConfiguration;
import dev.fntrace.autoconfigure.FnTraceTransactionAutoConfiguration;
import dev.fntrace.capture.TracingFailures;
import dev.fntrace.log.TraceLog;
import dev.fntrace.model.DbOp;
import dev.fntrace.model.FnOutcome;
import dev.fntrace.model.FnTrace;
import dev.fntrace.model.OpTrace;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Calls of a Spring Data JPA repository inside {@code @Traced} calls, in an application
 * context with Spring Boot's JPA auto-configuration on H2 and the fntrace
 * auto-configuration: each call is one operation in the reference's vocabulary, with its
 * entity, its id where known, and the SQL it ran. The database starts with items 1
 * {@code bike}, 2 {@code clock} and 3 {@code lamp}.
 */
class RepositoryOpsTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
				HibernateJpaAutoConfiguration.class, DataJpaRepositoriesAutoConfiguration.class,
				TransactionAutoConfiguration.class, AopAutoConfiguration.class, FnTraceAutoConfiguration.class,
				FnTraceJdbcAutoConfiguration.class, FnTraceTransactionAutoConfiguration.class,
				FnTraceDataAutoConfiguration.class))
		.withUserConfiguration(AppConfiguration.class);

	@Test
	void findByIdIsAGetOfTheEntityWithItsSql() {
		this.runner.run((context) -> {
			OpTrace op = onlyOp(inTransaction(context, (items) -> items.findById(1L)));
			assertThat(op.op()).isEqualTo(DbOp.GET);
			assertThat(op.entity()).isEqualTo("Item");
			assertThat(op.id()).isEqualTo("1");
			assertThat(op.sql()).startsWith("select").contains("?");
			assertThat(op.rowCount()).isEqualTo(1);
			assertThat(op.ok()).isTrue();
		});
	}

	@Test
	void findByIdOfAnEntityTheTransactionHoldsIsAGetWithoutSql() {
		this.runner.run((context) -> {
			FnTrace trace = inTransaction(context, (items) -> {
				items.findById(1L);
				return items.findById(1L);
			});
			assertThat(trace.ops()).extracting(OpTrace::op, OpTrace::entity, OpTrace::id)
				.containsExactly(tuple(DbOp.GET, "Item", "1"), tuple(DbOp.GET, "Item", "1"));
			assertThat(trace.ops().get(0).sql()).isNotNull();
			assertThat(trace.ops().get(1).sql()).isNull();
			assertThat(trace.ops().get(1).rowCount()).isNull();
		});
	}

	@Test
	void saveOfANewEntityIsAnInsertWithTheGeneratedId() {
		this.runner.run((context) -> {
			OpTrace op = onlyOp(withoutTransaction(context, (items) -> items.save(new Item("vase"))));
			assertThat(op.op()).isEqualTo(DbOp.INSERT);
			assertThat(op.entity()).isEqualTo("Item");
			assertThat(op.id()).isEqualTo("4");
			assertThat(op.sql()).startsWith("insert");
		});
	}

	@Test
	void saveOfAnExistingEntityIsAnUpdateWithItsId() {
		this.runner.run((context) -> {
			OpTrace op = onlyOp(withoutTransaction(context, (items) -> items.save(new Item(2L, "old clock"))));
			assertThat(op.op()).isEqualTo(DbOp.UPDATE);
			assertThat(op.id()).isEqualTo("2");
			assertThat(op.sql()).contains("select").contains("update");
		});
	}

	@Test
	void saveAllOfNewEntitiesIsAnInsertWithoutId() {
		this.runner.run((context) -> {
			OpTrace op = onlyOp(
					withoutTransaction(context, (items) -> items.saveAll(List.of(new Item("vase"), new Item("rug")))));
			assertThat(op.op()).isEqualTo(DbOp.INSERT);
			assertThat(op.id()).isNull();
			assertThat(op.sql()).startsWith("insert").contains(";\ninsert");
		});
	}

	@Test
	void deleteByIdIsADeleteWithTheId() {
		this.runner.run((context) -> {
			OpTrace op = onlyOp(withoutTransaction(context, (items) -> {
				items.deleteById(3L);
				return null;
			}));
			assertThat(op.op()).isEqualTo(DbOp.DELETE);
			assertThat(op.entity()).isEqualTo("Item");
			assertThat(op.id()).isEqualTo("3");
			assertThat(op.sql()).contains("delete");
		});
	}

	@Test
	void writesFlushedWhenTheCallersTransactionCommitsAreRawOps() {
		this.runner.run((context) -> {
			FnTrace trace = inTransaction(context, (items) -> {
				items.delete(items.findById(3L).orElseThrow());
				return null;
			});
			assertThat(trace.ops()).extracting(OpTrace::op, OpTrace::entity, OpTrace::id)
				.containsExactly(tuple(DbOp.GET, "Item", "3"), tuple(DbOp.DELETE, "Item", "3"),
						tuple(DbOp.DELETE, "item", null));
			assertThat(trace.ops().get(1).sql()).isNull();
		});
	}

	@Test
	void findAllIsAListWithItsRows() {
		this.runner.run((context) -> {
			OpTrace op = onlyOp(inTransaction(context, (items) -> items.findAll()));
			assertThat(op.op()).isEqualTo(DbOp.LIST);
			assertThat(op.entity()).isEqualTo("Item");
			assertThat(op.id()).isNull();
			assertThat(op.rowCount()).isEqualTo(3);
		});
	}

	@Test
	void findAllOfAPageIsPaginate() {
		this.runner.run((context) -> {
			OpTrace op = onlyOp(inTransaction(context, (items) -> items.findAll(PageRequest.of(0, 2))));
			assertThat(op.op()).isEqualTo(DbOp.PAGINATE);
			assertThat(op.entity()).isEqualTo("Item");
			assertThat(op.sql()).startsWith("select");
		});
	}

	@Test
	void derivedFinderOfOneIsALookup() {
		this.runner.run((context) -> {
			OpTrace op = onlyOp(inTransaction(context, (items) -> items.findByName("bike")));
			assertThat(op.op()).isEqualTo(DbOp.LOOKUP);
			assertThat(op.entity()).isEqualTo("Item");
			assertThat(op.id()).isNull();
			assertThat(op.rowCount()).isEqualTo(1);
		});
	}

	@Test
	void derivedFinderOfManyIsAList() {
		this.runner.run((context) -> {
			OpTrace op = onlyOp(inTransaction(context, (items) -> items.findAllByName("bike")));
			assertThat(op.op()).isEqualTo(DbOp.LIST);
			assertThat(op.rowCount()).isEqualTo(1);
		});
	}

	@Test
	void derivedFinderByIdIsAGetWithTheId() {
		this.runner.run((context) -> {
			OpTrace op = onlyOp(inTransaction(context, (items) -> items.findLockedById(2L)));
			assertThat(op.op()).isEqualTo(DbOp.GET);
			assertThat(op.id()).isEqualTo("2");
		});
	}

	@Test
	void countIsAQuery() {
		this.runner.run((context) -> {
			OpTrace op = onlyOp(inTransaction(context, (items) -> items.count()));
			assertThat(op.op()).isEqualTo(DbOp.QUERY);
			assertThat(op.entity()).isEqualTo("Item");
			assertThat(op.sql()).contains("count");
			assertThat(op.rowCount()).isEqualTo(1);
		});
	}

	@Test
	void nestedRepositoryCallsAreFoldedOnceIntoTheOutermost() {
		this.runner.run((context) -> {
			OpTrace op = onlyOp(inTransaction(context, (items) -> items.require(1L)));
			assertThat(op.op()).isEqualTo(DbOp.QUERY);
			assertThat(op.entity()).isEqualTo("Item");
			assertThat(op.sql()).startsWith("select").doesNotContain(";");
			assertThat(op.rowCount()).isEqualTo(1);
		});
	}

	@Test
	void sqlOutsideRepositoryCallsStaysARawOp() {
		this.runner.run((context) -> {
			context.getBean(ItemService.class).itemThenNames();
			FnTrace trace = onlyTrace(context, "itemThenNames");
			assertThat(trace.ops()).extracting(OpTrace::op, OpTrace::entity, OpTrace::id)
				.containsExactly(tuple(DbOp.GET, "Item", "1"), tuple(DbOp.QUERY, "item", null));
			assertThat(trace.ops().get(1).sql()).isEqualTo("select name from item");
			assertThat(trace.ops().get(1).rowCount()).isEqualTo(3);
		});
	}

	@Test
	void repositoryCallsOutsideTracedCallsRecordNothing() {
		this.runner.run((context) -> {
			ItemRepository items = context.getBean(ItemRepository.class);
			assertThat(items.findById(1L)).isPresent();
			items.save(new Item("vase"));
			items.deleteById(2L);
			assertThat(items.count()).isEqualTo(3);
			assertThat(context.getBean(TraceLog.class).totalCount()).isZero();
			assertThat(context.getBean(TracingFailures.class).count()).isZero();
		});
	}

	@Test
	void failingRepositoryCallIsAnOpThatIsNotOk() {
		this.runner.run((context) -> {
			ItemService service = context.getBean(ItemService.class);
			assertThatExceptionOfType(DataIntegrityViolationException.class)
				.isThrownBy(() -> service.withoutTransaction(ItemRepository::divideByZero));
			FnTrace trace = onlyTrace(context, "withoutTransaction");
			assertThat(trace.outcome()).isInstanceOf(FnOutcome.Errored.class);
			OpTrace op = onlyOp(trace);
			assertThat(op.op()).isEqualTo(DbOp.QUERY);
			assertThat(op.entity()).isEqualTo("Item");
			assertThat(op.ok()).isFalse();
			assertThat(op.sql()).isEqualTo("select * from item where id = 1 / (id - id)");
		});
	}

	@Test
	void exceptionOfARepositoryCallPropagatesUnchanged() {
		this.runner.run((context) -> {
			ItemFailure failure = new ItemFailure();
			ItemService service = context.getBean(ItemService.class);
			assertThatExceptionOfType(ItemFailure.class)
				.isThrownBy(() -> service.withoutTransaction((items) -> items.failWith(failure)))
				.isSameAs(failure);
			assertThat(onlyOp(onlyTrace(context, "withoutTransaction")).ok()).isFalse();
			assertThat(context.getBean(TracingFailures.class).count()).isZero();
		});
	}

	@Test
	void repositoryOpsCanBeTurnedOff() {
		this.runner.withPropertyValues("fntrace.data.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(TracingRepositoryPostProcessor.class);
			OpTrace op = onlyOp(inTransaction(context, (items) -> items.findById(1L)));
			assertThat(op.op()).isEqualTo(DbOp.QUERY);
			assertThat(op.entity()).isEqualTo("item");
			assertThat(op.id()).isNull();
		});
	}

	private static FnTrace inTransaction(AssertableApplicationContext context, Function<ItemRepository, ?> work) {
		context.getBean(ItemService.class).inTransaction(work);
		return onlyTrace(context, "inTransaction");
	}

	private static FnTrace withoutTransaction(AssertableApplicationContext context, Function<ItemRepository, ?> work) {
		context.getBean(ItemService.class).withoutTransaction(work);
		return onlyTrace(context, "withoutTransaction");
	}

	private static FnTrace onlyTrace(AssertableApplicationContext context, String fn) {
		return TraceLogReads.onlyTrace(context.getBean(TraceLog.class), fn);
	}

	private static OpTrace onlyOp(FnTrace trace) {
		assertThat(trace.ops()).hasSize(1);
		return trace.ops().get(0);
	}

	@Configuration(proxyBeanMethods = false)
	@AutoConfigurationPackage
	static class AppConfiguration {

		@Bean
		ItemService itemService(ItemRepository items, JdbcTemplate jdbc) {
			return new ItemService(items, jdbc);
		}

		@Bean
		SmartInitializingSingleton itemSeed(ItemRepository items) {
			return () -> items.saveAll(List.of(new Item("bike"), new Item("clock"), new Item("lamp")));
		}

	}

	static class ItemService {

		private final ItemRepository items;

		private final JdbcTemplate jdbc;

		ItemService(ItemRepository items, JdbcTemplate jdbc) {
			this.items = items;
			this.jdbc = jdbc;
		}

		@Traced("inTransaction")
		@Transactional
		public <T> T inTransaction(Function<ItemRepository, T> work) {
			return work.apply(this.items);
		}

		@Traced("withoutTransaction")
		public <T> T withoutTransaction(Function<ItemRepository, T> work) {
			return work.apply(this.items);
		}

		@Traced("itemThenNames")
		@Transactional
		public List<String> itemThenNames() {
			this.items.findById(1L);
			return this.jdbc.queryForList("select name from item", String.class);
		}

	}

	static class ItemFailure extends RuntimeException {

	}

}
