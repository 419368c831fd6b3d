package dev.fntrace.capture.jdbc;

import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import dev.fntrace.capture.TracingFailures;
import dev.fntrace.context.TraceContext;
import dev.fntrace.model.DbOp;
import dev.fntrace.model.FnOutcome;
import dev.fntrace.model.FnType;
import dev.fntrace.model.OpTrace;
import dev.fntrace.model.TraceBuilder;
import dev.fntrace.model.TraceLimits;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.StatementType;
import net.ttddyy.dsproxy.proxy.ProxyJdbcObject;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbc.JdbcResultSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A data source wrapped by {@link TracingDataSources}, on H2: what the listener sees,
 * what a traced call records, and that the driver's behaviour reaches the caller
 * unchanged.
 */
class TracingDataSourcesTests {

	private final RecordingListener listener = new RecordingListener();

	private DataSource h2;

	private DataSource dataSource;

	@BeforeEach
	void createItems() {
		this.h2 = new SimpleDriverDataSource(new org.h2.Driver(),
				"jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		new JdbcTemplate(this.h2).execute("CREATE TABLE item (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(64))");
		new JdbcTemplate(this.h2).update("INSERT INTO item (name) VALUES ('a'), ('b'), ('c')");
		this.dataSource = TracingDataSources.wrap(this.h2, "items", this.listener);
	}

	@Test
	void queryInsideATracedCallIsAnOpWithTheRowsRead() {
		List<OpTrace> ops = inTrace(() -> {
			try (Connection connection = this.dataSource.getConnection();
					Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("SELECT name FROM item")) {
				assertThat(RowCountingResultSet.rowsOf(rows)).isNotNull();
				while (rows.next()) {
					assertThat(rows.getString(1)).isNotEmpty();
				}
			}
		});
		assertThat(ops).singleElement().satisfies((op) -> {
			assertThat(op.ok()).isTrue();
			assertThat(op.rowCount()).isEqualTo(3);
			assertThat(op.sql()).isEqualTo("SELECT name FROM item");
			assertThat(op.entity()).isEqualTo("item");
		});
	}

	@Test
	void listenerSeesWhatDatasourceProxyTellsIt() throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.executeQuery("SELECT name FROM item").close();
		}
		ExecutionInfo execution = this.listener.onlyExecution();
		assertThat(this.listener.before).containsExactly(execution);
		assertThat(execution.getDataSourceName()).isEqualTo("items");
		assertThat(execution.getConnectionId()).isNotEmpty();
		assertThat(execution.getStatementType()).isEqualTo(StatementType.STATEMENT);
		assertThat(execution.getMethod()).isEqualTo(methodOf(Statement.class, "executeQuery", String.class));
		assertThat(execution.getStatement()).isInstanceOf(org.h2.jdbc.JdbcStatement.class);
		assertThat(execution.isSuccess()).isTrue();
		assertThat(execution.getThrowable()).isNull();
		assertThat(execution.isBatch()).isFalse();
		assertThat(execution.getElapsedTime()).isPositive();
		assertThat(execution.getResult()).isInstanceOf(JdbcResultSet.class);
		assertThat(queriesOf(this.listener.queries.get(0))).containsExactly("SELECT name FROM item");
	}

	@Test
	void queryOutsideATracedCallHandsBackTheDriversResultSet() throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement("SELECT name FROM item WHERE id > ?")) {
			statement.setLong(1, 1);
			try (ResultSet rows = statement.executeQuery()) {
				assertThat(rows).isInstanceOf(JdbcResultSet.class);
			}
			statement.execute();
			assertThat(statement.getResultSet()).isInstanceOf(JdbcResultSet.class);
		}
		assertThat(this.listener.after).hasSize(2).allSatisfy((execution) -> {
			assertThat(execution.isSuccess()).isTrue();
			assertThat(execution.getStatementType()).isEqualTo(StatementType.PREPARED);
		});
	}

	@Test
	void resultSetOfAnExecutedStatementCountsRowsInsideATracedCall() {
		List<OpTrace> ops = inTrace(() -> {
			try (Connection connection = this.dataSource.getConnection();
					PreparedStatement statement = connection.prepareStatement("SELECT name FROM item")) {
				assertThat(statement.execute()).isTrue();
				try (ResultSet rows = statement.getResultSet()) {
					assertThat(RowCountingResultSet.rowsOf(rows)).isNotNull();
					while (rows.next()) {
						assertThat(rows.getString(1)).isNotEmpty();
					}
				}
			}
		});
		assertThat(ops).singleElement().satisfies((op) -> assertThat(op.sql()).isEqualTo("SELECT name FROM item"));
	}

	@Test
	void preparedInsertAndUpdateAreOpsWithTheRowsWritten() {
		List<OpTrace> ops = inTrace(() -> {
			try (Connection connection = this.dataSource.getConnection()) {
				try (PreparedStatement insert = connection.prepareStatement("INSERT INTO item (name) VALUES (?)")) {
					insert.setString(1, "d");
					assertThat(insert.executeUpdate()).isOne();
				}
				try (PreparedStatement update = connection.prepareStatement("UPDATE item SET name = ? WHERE id < ?")) {
					update.setString(1, "z");
					update.setLong(2, 3);
					assertThat(update.executeLargeUpdate()).isEqualTo(2);
				}
			}
		});
		assertThat(ops).extracting(OpTrace::op).containsExactly(DbOp.INSERT, DbOp.UPDATE);
		assertThat(ops).extracting(OpTrace::rowCount).containsExactly(1L, 2L);
		assertThat(ops).extracting(OpTrace::sql)
			.containsExactly("INSERT INTO item (name) VALUES (?)", "UPDATE item SET name = ? WHERE id < ?");
		assertThat(this.listener.after).extracting(ExecutionInfo::getMethod)
			.containsExactly(methodOf(PreparedStatement.class, "executeUpdate"),
					methodOf(PreparedStatement.class, "executeLargeUpdate"));
		assertThat(this.listener.queries).allSatisfy((queries) -> assertThat(queries).singleElement()
			.satisfies((query) -> assertThat(query.getParametersList()).isEmpty()));
	}

	@Test
	void statementUpdateIsAnOpWithTheRowsWritten() {
		List<OpTrace> ops = inTrace(() -> {
			try (Connection connection = this.dataSource.getConnection();
					Statement statement = connection.createStatement()) {
				assertThat(statement.executeUpdate("UPDATE item SET name = 'y'")).isEqualTo(3);
			}
		});
		assertThat(ops).singleElement().satisfies((op) -> {
			assertThat(op.op()).isEqualTo(DbOp.UPDATE);
			assertThat(op.rowCount()).isEqualTo(3);
		});
	}

	@Test
	void statementBatchIsOneOpWithItsQueriesAndSize() {
		List<OpTrace> ops = inTrace(() -> {
			try (Connection connection = this.dataSource.getConnection();
					Statement statement = connection.createStatement()) {
				statement.addBatch("INSERT INTO item (name) VALUES ('forgotten')");
				statement.clearBatch();
				statement.addBatch("INSERT INTO item (name) VALUES ('d')");
				statement.addBatch("UPDATE item SET name = 'e' WHERE name = 'd'");
				assertThat(statement.executeBatch()).containsExactly(1, 1);
			}
		});
		ExecutionInfo execution = this.listener.onlyExecution();
		assertThat(execution.isBatch()).isTrue();
		assertThat(execution.getBatchSize()).isEqualTo(2);
		assertThat(queriesOf(this.listener.queries.get(0))).containsExactly("INSERT INTO item (name) VALUES ('d')",
				"UPDATE item SET name = 'e' WHERE name = 'd'");
		assertThat(ops).singleElement().satisfies((op) -> {
			assertThat(op.batchSize()).isEqualTo(2);
			assertThat(op.rowCount()).isEqualTo(2);
		});
		assertThat(new JdbcTemplate(this.h2).queryForObject("SELECT COUNT(*) FROM item WHERE name = 'forgotten'",
				Integer.class))
			.isZero();
	}

	@Test
	void preparedBatchIsOneOpWithItsSize() {
		List<OpTrace> ops = inTrace(() -> {
			try (Connection connection = this.dataSource.getConnection();
					PreparedStatement statement = connection.prepareStatement("INSERT INTO item (name) VALUES (?)")) {
				statement.setString(1, "forgotten");
				statement.addBatch();
				statement.clearBatch();
				for (String name : List.of("d", "e", "f")) {
					statement.setString(1, name);
					statement.addBatch();
				}
				assertThat(statement.executeLargeBatch()).containsExactly(1L, 1L, 1L);
				statement.setString(1, "g");
				statement.addBatch();
				assertThat(statement.executeBatch()).containsExactly(1);
			}
		});
		assertThat(this.listener.after).extracting(ExecutionInfo::getBatchSize).containsExactly(3, 1);
		assertThat(this.listener.after).allSatisfy((execution) -> assertThat(execution.isBatch()).isTrue());
		assertThat(ops).extracting(OpTrace::batchSize).containsExactly(3, 1);
		assertThat(ops).extracting(OpTrace::sql).containsOnly("INSERT INTO item (name) VALUES (?)");
	}

	@Test
	void failingStatementReachesTheCallerUnchangedAndTheListenerAsAFailure() throws SQLException {
		List<SQLException> thrown = new ArrayList<>();
		List<OpTrace> ops = inTrace(() -> {
			try (Connection connection = this.dataSource.getConnection();
					Statement statement = connection.createStatement()) {
				thrown.add(catchSqlException(() -> statement.executeQuery("SELECT * FROM missing")));
			}
		});
		assertThat(thrown).singleElement().isInstanceOf(org.h2.jdbc.JdbcSQLSyntaxErrorException.class);
		ExecutionInfo execution = this.listener.onlyExecution();
		assertThat(execution.isSuccess()).isFalse();
		assertThat(execution.getThrowable()).isSameAs(thrown.get(0));
		assertThat(execution.getResult()).isNull();
		assertThat(ops).singleElement().satisfies((op) -> assertThat(op.ok()).isFalse());
	}

	@Test
	void failingPreparedStatementReachesTheCallerUnchanged() throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection
					.prepareStatement("INSERT INTO item (id, name) VALUES (?, ?)")) {
			statement.setLong(1, 1);
			statement.setString(2, "duplicate");
			SQLException thrown = catchSqlException(statement::executeUpdate);
			assertThat((Throwable) thrown).isInstanceOf(org.h2.jdbc.JdbcSQLIntegrityConstraintViolationException.class);
			assertThat(this.listener.onlyExecution().getThrowable()).isSameAs(thrown);
		}
	}

	@Test
	void generatedKeysReachTheCaller() throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			try (PreparedStatement insert = connection.prepareStatement("INSERT INTO item (name) VALUES (?)",
					Statement.RETURN_GENERATED_KEYS)) {
				insert.setString(1, "d");
				insert.executeUpdate();
				try (ResultSet keys = insert.getGeneratedKeys()) {
					assertThat(keys.next()).isTrue();
					assertThat(keys.getLong(1)).isEqualTo(4);
				}
			}
			try (Statement insert = connection.createStatement()) {
				insert.executeUpdate("INSERT INTO item (name) VALUES ('e')", new String[] { "ID" });
				try (ResultSet keys = insert.getGeneratedKeys()) {
					assertThat(keys.next()).isTrue();
					assertThat(keys.getLong(1)).isEqualTo(5);
				}
			}
		}
	}

	@Test
	void statementsAnswerTheWrappingConnection() throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement();
				PreparedStatement prepared = connection.prepareStatement("SELECT 1")) {
			assertThat(statement.getConnection()).isSameAs(connection);
			assertThat(prepared.getConnection()).isSameAs(connection);
		}
	}

	@Test
	void connectionUnwrapsToTheDriversConnection() throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			assertThat(connection.isWrapperFor(JdbcConnection.class)).isTrue();
			assertThat(connection.unwrap(JdbcConnection.class)).isInstanceOf(JdbcConnection.class);
			assertThat(connection).isInstanceOf(ProxyJdbcObject.class);
			Object target = ((ProxyJdbcObject) connection).getTarget();
			assertThat(target).isInstanceOf(JdbcConnection.class);
			assertThat(connection).isEqualTo(target).hasSameHashCodeAs(target);
			try (Statement statement = connection.createStatement()) {
				assertThat(((ProxyJdbcObject) statement).getTarget()).isInstanceOf(org.h2.jdbc.JdbcStatement.class);
			}
		}
	}

	@Test
	void connectionsForAnotherUserAreWrappedToo() throws SQLException {
		try (Connection connection = this.dataSource.getConnection("", "");
				Statement statement = connection.createStatement()) {
			assertThat(connection).isInstanceOf(ProxyJdbcObject.class);
			statement.execute("SELECT 1");
		}
		assertThat(this.listener.onlyExecution().getDataSourceName()).isEqualTo("items");
	}

	@Test
	void closedConnectionsLeaveTheOpenIds() throws SQLException {
		ProxyDataSource proxy = (ProxyDataSource) this.dataSource;
		try (Connection connection = this.dataSource.getConnection()) {
			assertThat(proxy.getProxyConfig().getConnectionIdManager().getOpenConnectionIds()).hasSize(1);
			assertThat(connection.isClosed()).isFalse();
		}
		assertThat(proxy.getProxyConfig().getConnectionIdManager().getOpenConnectionIds()).isEmpty();
	}

	@Test
	void callableStatementsStillReachTheListener() throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				CallableStatement call = connection.prepareCall("SELECT COUNT(*) FROM item")) {
			assertThat(Proxy.isProxyClass(call.getClass())).isTrue();
			try (ResultSet rows = call.executeQuery()) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getInt(1)).isEqualTo(3);
			}
		}
		assertThat(this.listener.onlyExecution().getStatementType()).isEqualTo(StatementType.CALLABLE);
	}

	@Test
	void jdbcTemplateWorksThroughTheWrapper() {
		List<OpTrace> ops = inTrace(() -> {
			JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
			assertThat(jdbc.queryForList("SELECT name FROM item WHERE id <= ? ORDER BY id", String.class, 2))
				.containsExactly("a", "b");
			assertThat(jdbc.update("UPDATE item SET name = ? WHERE id = ?", "x", 1)).isOne();
			assertThat(jdbc.batchUpdate("INSERT INTO item (name) VALUES (?)",
					List.<Object[]>of(new Object[] { "d" }, new Object[] { "e" })))
				.hasSize(2);
			KeyHolder keys = new GeneratedKeyHolder();
			jdbc.update((connection) -> connection.prepareStatement("INSERT INTO item (name) VALUES ('f')",
					new String[] { "ID" }), keys);
			assertThat(keys.getKey()).isEqualTo(6L);
		});
		assertThat(ops).extracting(OpTrace::op).containsExactly(DbOp.QUERY, DbOp.UPDATE, DbOp.INSERT, DbOp.INSERT);
		assertThat(ops.get(0).rowCount()).isEqualTo(2);
		assertThat(ops.get(2).batchSize()).isEqualTo(2);
	}

	private static List<String> queriesOf(List<QueryInfo> queries) {
		return queries.stream().map(QueryInfo::getQuery).toList();
	}

	private static java.lang.reflect.Method methodOf(Class<?> type, String name, Class<?>... parameterTypes) {
		try {
			return type.getMethod(name, parameterTypes);
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static SQLException catchSqlException(JdbcWork work) {
		try {
			work.run();
		}
		catch (SQLException ex) {
			return ex;
		}
		throw new AssertionError("Expected an SQLException");
	}

	private static List<OpTrace> inTrace(JdbcWork work) {
		TraceBuilder trace = new TraceBuilder("call-1", "test", FnType.ACTION, null, null, null, null, 0L,
				System.nanoTime(), TraceLimits.DEFAULTS);
		TraceBuilder previous = TraceContext.enter(trace);
		try {
			work.run();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			TraceContext.restore(previous);
		}
		return trace.finish(new FnOutcome.Ok(null), System.nanoTime()).ops();
	}

	@FunctionalInterface
	interface JdbcWork {

		void run() throws SQLException;

	}

	/**
	 * The listener fntrace installs, also keeping what it is told.
	 */
	static class RecordingListener extends SqlOpListener {

		final List<ExecutionInfo> before = new ArrayList<>();

		final List<ExecutionInfo> after = new ArrayList<>();

		final List<List<QueryInfo>> queries = new ArrayList<>();

		RecordingListener() {
			super(new TracingFailures(), 1000);
		}

		@Override
		public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
			this.before.add(execution);
			super.beforeQuery(execution, queries);
		}

		@Override
		public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
			this.after.add(execution);
			this.queries.add(List.copyOf(queries));
			super.afterQuery(execution, queries);
		}

		ExecutionInfo onlyExecution() {
			assertThat(this.after).hasSize(1);
			return this.after.get(0);
		}

	}

}
