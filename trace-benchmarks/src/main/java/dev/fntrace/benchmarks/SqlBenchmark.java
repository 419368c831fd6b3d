package dev.fntrace.benchmarks;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.fntrace.Traced;
import dev.fntrace.log.TraceLog;
import dev.fntrace.log.TraceQuery;
import dev.fntrace.model.FnTrace;
import net.ttddyy.dsproxy.listener.NoOpQueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What one SQL statement costs on H2 in memory through a Hikari pool: {@code SELECT 1},
 * and a {@code SELECT} that reads every column of 1 000 rows. Contenders: the bare pool,
 * datasource-proxy alone with a no-op listener, fntrace inside a traced call (the
 * statement and the call around it), and the fntrace-wrapped data source outside any
 * traced call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SqlBenchmark {

	@Param({ "bare", "datasourceProxy", "fntraceInTrace", "fntraceOutsideTrace" })
	public String contender;

	private ConfigurableApplicationContext context;

	private DataSource dataSource;

	private TracedQueries traced;

	private boolean inTrace;

	@Setup(Level.Trial)
	public void start() {
		this.context = BenchmarkContexts.start(TracedQueriesConfiguration.class);
		DataSource wrapped = this.context.getBean(DataSource.class);
		if (!(wrapped instanceof ProxyDataSource proxy && proxy.getDataSource() instanceof HikariDataSource bare)) {
			throw new IllegalStateException("fntrace did not wrap the Hikari pool: " + wrapped);
		}
		createItems(bare);
		this.traced = this.context.getBean(TracedQueries.class);
		this.inTrace = this.contender.equals("fntraceInTrace");
		this.dataSource = switch (this.contender) {
			case "bare" -> bare;
			case "datasourceProxy" ->
				ProxyDataSourceBuilder.create("bench", bare).listener(new NoOpQueryExecutionListener()).build();
			case "fntraceInTrace", "fntraceOutsideTrace" -> wrapped;
			default -> throw new IllegalArgumentException("Unknown contender " + this.contender);
		};
	}

	@TearDown(Level.Trial)
	public void stop() {
		if (this.inTrace) {
			List<FnTrace> newest = this.context.getBean(TraceLog.class).find(TraceQuery.newest(1));
			if (newest.isEmpty() || newest.get(0).ops().size() != 1) {
				throw new IllegalStateException("fntrace did not record the statement: " + newest);
			}
		}
		this.context.close();
	}

	@Benchmark
	public long selectOne() throws SQLException {
		return this.inTrace ? this.traced.selectOne(this.dataSource) : Queries.selectOne(this.dataSource);
	}

	@Benchmark
	public long read1000Rows() throws SQLException {
		return this.inTrace ? this.traced.readItems(this.dataSource) : Queries.readItems(this.dataSource);
	}

	private static void createItems(DataSource dataSource) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		jdbc.execute("CREATE TABLE IF NOT EXISTS item (id BIGINT PRIMARY KEY, name VARCHAR(64), price BIGINT, "
				+ "created_at TIMESTAMP)");
		jdbc.execute("DELETE FROM item");
		jdbc.execute("INSERT INTO item SELECT x, 'item number ' || x, x * 100, TIMESTAMP '2026-01-01 00:00:00' "
				+ "+ x * INTERVAL '1' SECOND FROM SYSTEM_RANGE(1, " + Queries.ITEM_ROWS + ")");
	}

	/**
	 * Runs the statements inside a traced call.
	 */
	public static class TracedQueries {

		@Traced
		public int selectOne(DataSource dataSource) throws SQLException {
			return Queries.selectOne(dataSource);
		}

		@Traced
		public long readItems(DataSource dataSource) throws SQLException {
			return Queries.readItems(dataSource);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TracedQueriesConfiguration {

		@Bean
		TracedQueries tracedQueries() {
			return new TracedQueries();
		}

	}

}
