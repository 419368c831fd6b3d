package dev.fntrace.capture.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.fntrace.model.DbOp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Tests for {@link SqlClassifier}.
 */
class SqlClassifierTests {

	private final SqlClassifier classifier = new SqlClassifier();

	static Stream<Arguments> statements() {
		return Stream.of(
				// Hibernate 6/7
				arguments("select l1_0.id,l1_0.current_price,l1_0.state,l1_0.title from lot l1_0 where l1_0.id=?",
						DbOp.QUERY, "lot"),
				arguments(
						"select b1_0.id,b1_0.amount from bid b1_0 join lot l1_0 on l1_0.id=b1_0.lot_id where l1_0.id=?",
						DbOp.QUERY, "bid"),
				arguments("insert into bid (amount,bidder,lot_id,placed_at,id) values (?,?,?,?,default)", DbOp.INSERT,
						"bid"),
				arguments("update lot set current_price=?,state=?,title=? where id=?", DbOp.UPDATE, "lot"),
				arguments("delete from bid where id=?", DbOp.DELETE, "bid"),
				arguments("/* <criteria> */ select count(*) from lot l1_0", DbOp.QUERY, "lot"),
				arguments("/* insert for dev.fntrace.sample.Lot */insert into lot (title,id) values (?,?)", DbOp.INSERT,
						"lot"),
				arguments(
						"select l1_0.id,l1_0.title from lot l1_0 order by l1_0.id offset ? rows fetch first ? rows only",
						DbOp.QUERY, "lot"),
				arguments(
						"select l1_0.id from lot l1_0 left join bid b1_0 on l1_0.id=b1_0.lot_id where b1_0.id is null",
						DbOp.QUERY, "lot"),
				arguments(
						"select b1_0.id from bid b1_0 where b1_0.lot_id in (select l1_0.id from lot l1_0 where l1_0.state=?)",
						DbOp.QUERY, "bid"),
				arguments("select tbl.next_val from hibernate_sequences tbl where tbl.sequence_name=? for update",
						DbOp.QUERY, "hibernate_sequences"),
				// aliases, joins, case
				arguments("select * from lot as l where l.id = ?", DbOp.QUERY, "lot"),
				arguments("select * from lot, bid where lot.id = bid.lot_id", DbOp.QUERY, "lot"),
				arguments("SELECT ID, TITLE FROM LOT WHERE ID = ?", DbOp.QUERY, "lot"),
				arguments("SeLeCt * FrOm Lot", DbOp.QUERY, "lot"), arguments("select * from lot;", DbOp.QUERY, "lot"),
				// quoted and qualified names
				arguments("select * from \"PUBLIC\".\"LOT\" l", DbOp.QUERY, "LOT"),
				arguments("select * from public.lot", DbOp.QUERY, "lot"),
				arguments("select * from [dbo].[Lot] where [Id] = @p0", DbOp.QUERY, "Lot"),
				arguments("select * from `lot` where `id` = ?", DbOp.QUERY, "lot"),
				arguments("select * from shop.public.\"Lot\"", DbOp.QUERY, "Lot"),
				arguments("select * from shop..lot", DbOp.QUERY, "lot"),
				arguments("select * from \"odd \"\"name\"\"\"", DbOp.QUERY, "odd \"name\""),
				arguments("select \"from\", [from], `from` from lot", DbOp.QUERY, "lot"),
				// nested FROMs before the top-level one
				arguments(
						"select (select max(b.amount) from bid b where b.lot_id = l.id) as top_bid, l.title from lot l",
						DbOp.QUERY, "lot"),
				arguments("select extract(year from l.created_at), substring(l.title from 1 for 3), "
						+ "trim(both from l.title) from lot l", DbOp.QUERY, "lot"),
				arguments("select a is distinct from b, c is not distinct from d from lot", DbOp.QUERY, "lot"),
				// subqueries in FROM and leading parentheses
				arguments("select x.id from (select id from lot where state = ?) x", DbOp.QUERY, "lot"),
				arguments("select count(*) from ((select id from bid) union all (select id from lot)) u", DbOp.QUERY,
						"bid"),
				arguments("select * from (lot l join bid b on l.id = b.lot_id)", DbOp.QUERY, "lot"),
				arguments("select * from lateral (select * from bid) b", DbOp.QUERY, "bid"),
				arguments("(select id from lot) union (select id from bid)", DbOp.QUERY, "lot"),
				arguments("(((select id from lot)))", DbOp.QUERY, "lot"),
				// literals and comments
				arguments("select 'it''s from x' as s, id from lot", DbOp.QUERY, "lot"),
				arguments("select id from lot where title like '%from bid%'", DbOp.QUERY, "lot"),
				arguments("select E'it\\'s from bid', $$from bid$$, $q$from bid$q$ from lot", DbOp.QUERY, "lot"),
				arguments("-- from bid\nselect * from lot", DbOp.QUERY, "lot"),
				arguments("  /* select * from bid */ select /* from bid */ id -- from bid\r\n from lot", DbOp.QUERY,
						"lot"),
				// no table
				arguments("select 1", DbOp.QUERY, null), arguments("select current_timestamp", DbOp.QUERY, null),
				arguments("select 1 from dual", DbOp.QUERY, null),
				arguments("values (1, 'a'), (2, 'b')", DbOp.QUERY, null),
				arguments("select * from generate_series(1, 10)", DbOp.QUERY, null),
				arguments("table lot", DbOp.QUERY, "lot"),
				// sequences
				arguments("select next value for lot_seq", DbOp.QUERY, "lot_seq"),
				arguments("call next value for lot_seq", DbOp.OTHER, "lot_seq"),
				arguments("select nextval('lot_seq')", DbOp.QUERY, "lot_seq"),
				arguments("select nextval('public.lot_seq'::regclass)", DbOp.QUERY, "lot_seq"),
				arguments("select nextval('\"Lot_seq\"')", DbOp.QUERY, "Lot_seq"),
				arguments("select lot_seq.nextval from dual", DbOp.QUERY, "lot_seq"),
				arguments("values next value for lot_seq", DbOp.QUERY, "lot_seq"),
				// CTEs
				arguments("with recent as (select * from bid where placed_at > ?) select * from recent", DbOp.QUERY,
						"bid"),
				arguments("with a as (select * from lot), b (id) as (select id from a where state = 'OPEN') "
						+ "select count(*) from b", DbOp.QUERY, "lot"),
				arguments(
						"WITH x AS MATERIALIZED (select id from bid) SELECT * FROM lot WHERE id IN (SELECT id FROM x)",
						DbOp.QUERY, "lot"),
				arguments("with x as not materialized (select id from bid) select * from x", DbOp.QUERY, "bid"),
				arguments("with recursive tree(id, parent_id) as (select id, parent_id from category where parent_id "
						+ "is null union all select c.id, c.parent_id from category c join tree t on c.parent_id = t.id) "
						+ "select * from tree", DbOp.QUERY, "category"),
				arguments("with ids as (select id from lot where state = ?) delete from bid where lot_id in "
						+ "(select id from ids)", DbOp.DELETE, "bid"),
				arguments("with moved as (delete from bid where id = ? returning *) insert into bid_archive "
						+ "select * from moved", DbOp.INSERT, "bid_archive"),
				arguments("with x as (select 1 as n) select n from x", DbOp.QUERY, null),
				arguments("with s as (select * from lot) select * from (select * from s) q", DbOp.QUERY, "lot"),
				// writes
				arguments("insert into lot(id,title) values (?,?)", DbOp.INSERT, "lot"),
				arguments("insert into lot_archive select * from lot where state = ?", DbOp.INSERT, "lot_archive"),
				arguments("INSERT INTO \"Lot\" (\"Id\") VALUES (?)", DbOp.INSERT, "Lot"),
				arguments("insert ignore into lot (id) values (?)", DbOp.INSERT, "lot"),
				arguments("(insert into lot (id) values (?))", DbOp.INSERT, "lot"),
				arguments("update lot l set l.state = ? where l.id = ?", DbOp.UPDATE, "lot"),
				arguments("UPDATE public.LOT SET STATE = ?", DbOp.UPDATE, "lot"),
				arguments("update top (10) lot set state = ?", DbOp.UPDATE, "lot"),
				arguments("delete lot where id = ?", DbOp.DELETE, "lot"),
				arguments("DELETE FROM \"PUBLIC\".\"BID\" WHERE ID = ?", DbOp.DELETE, "BID"),
				arguments("delete from only lot where id = ?", DbOp.DELETE, "lot"),
				// other
				arguments("merge into lot t using (select ? as id) s on t.id = s.id when matched then update "
						+ "set title = ?", DbOp.OTHER, "lot"),
				arguments("create table if not exists lot (id bigint primary key, title varchar(255))", DbOp.OTHER,
						"lot"),
				arguments("CREATE TABLE bid (id BIGINT NOT NULL, PRIMARY KEY (id))", DbOp.OTHER, "bid"),
				arguments("create cached local temporary table tmp_lot (id bigint)", DbOp.OTHER, "tmp_lot"),
				arguments("drop table if exists bid cascade", DbOp.OTHER, "bid"),
				arguments("alter table lot add column note varchar(100)", DbOp.OTHER, "lot"),
				arguments("alter table if exists only public.lot drop constraint fk_1", DbOp.OTHER, "lot"),
				arguments("truncate table bid", DbOp.OTHER, "bid"),
				arguments("create sequence lot_seq start with 1 increment by 50", DbOp.OTHER, "lot_seq"),
				arguments("create unique index idx_bid_lot on bid (lot_id)", DbOp.OTHER, "bid"),
				arguments("create or replace view open_lots as select * from lot where state = 'OPEN'", DbOp.OTHER,
						"open_lots"),
				arguments("set time zone 'UTC'", DbOp.OTHER, null),
				arguments("call refresh_prices(?)", DbOp.OTHER, null),
				arguments("{call refresh_prices(?)}", DbOp.OTHER, null),
				arguments("explain select * from lot", DbOp.OTHER, null),
				arguments("-- only a comment", DbOp.OTHER, null),
				arguments("select * from 'unterminated", DbOp.QUERY, null), arguments(")))", DbOp.OTHER, null));
	}

	@ParameterizedTest
	@MethodSource("statements")
	void classify(String sql, DbOp op, String entity) {
		assertThat(this.classifier.classify(sql)).isEqualTo(new SqlShape(op, entity));
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { " ", "\t\n", "/* */" })
	void classifyNullOrBlank(String sql) {
		assertThat(this.classifier.classify(sql)).isEqualTo(new SqlShape(DbOp.OTHER, null));
	}

	@Test
	void classifyDeeplyNestedDoesNotThrow() {
		String sql = "select * from " + "(".repeat(5000) + "select 1" + ")".repeat(5000);
		assertThat(this.classifier.classify(sql).op()).isEqualTo(DbOp.QUERY);
		String ctes = "with " + "a as (select * from (".repeat(500);
		assertThat(this.classifier.classify(ctes)).isNotNull();
	}

	@Test
	void cacheReturnsEqualResults() {
		SqlClassifier classifier = new SqlClassifier();
		String sql = "select l1_0.id from lot l1_0 where l1_0.id=?";
		SqlShape first = classifier.classify(sql);
		SqlShape second = classifier.classify(new String(sql));
		assertThat(second).isEqualTo(first).isSameAs(first);
		assertThat(classifier.cacheSize()).isOne();
	}

	@Test
	void cacheStaysBounded() {
		SqlClassifier classifier = new SqlClassifier(3);
		for (int i = 0; i < 10; i++) {
			assertThat(classifier.classify("select * from t" + i)).isEqualTo(new SqlShape(DbOp.QUERY, "t" + i));
		}
		assertThat(classifier.cacheSize()).isEqualTo(3);
		assertThat(classifier.classify("select * from t9")).isEqualTo(new SqlShape(DbOp.QUERY, "t9"));
		assertThat(classifier.cacheSize()).isEqualTo(3);
	}

	@Test
	void cacheCanBeDisabled() {
		SqlClassifier classifier = new SqlClassifier(0);
		assertThat(classifier.classify("delete from bid")).isEqualTo(new SqlShape(DbOp.DELETE, "bid"));
		assertThat(classifier.cacheSize()).isZero();
	}

	@Test
	void longStatementsAreNotCached() {
		SqlClassifier classifier = new SqlClassifier();
		String sql = "select * from lot where id in (" + "?,".repeat(SqlClassifier.MAX_CACHED_LENGTH) + "?)";
		assertThat(classifier.classify(sql)).isEqualTo(new SqlShape(DbOp.QUERY, "lot"));
		assertThat(classifier.cacheSize()).isZero();
	}

	@Test
	void classifyConcurrently() throws Exception {
		SqlClassifier classifier = new SqlClassifier(20);
		List<Arguments> cases = statements().toList();
		int threads = 8;
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Integer>> results = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int offset = t;
				Callable<Integer> task = () -> {
					start.await();
					int checked = 0;
					for (int round = 0; round < 50; round++) {
						for (int i = 0; i < cases.size(); i++) {
							Object[] args = cases.get((i + offset * 7) % cases.size()).get();
							SqlShape expected = new SqlShape((DbOp) args[1], (String) args[2]);
							assertThat(classifier.classify(new String((String) args[0]))).as((String) args[0])
								.isEqualTo(expected);
							checked++;
						}
					}
					return checked;
				};
				results.add(executor.submit(task));
			}
			start.countDown();
			for (Future<Integer> result : results) {
				assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo(50 * cases.size());
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(classifier.cacheSize()).isEqualTo(20);
	}

}
