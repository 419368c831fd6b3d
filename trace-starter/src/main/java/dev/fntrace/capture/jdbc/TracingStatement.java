package dev.fntrace.capture.jdbc;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import net.ttddyy.dsproxy.ConnectionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.proxy.ProxyConfig;
import org.jspecify.annotations.Nullable;

/**
 * A plain {@link Statement} that tells its listener about each SQL it runs; a batch is
 * reported as its queries, in the order they were added.
 */
final class TracingStatement extends AbstractTracingStatement<Statement> {

	/**
	 * The batch's queries, made with the first one: most statements never batch.
	 */
	private @Nullable List<String> batch;

	TracingStatement(Statement target, ConnectionInfo connectionInfo, Connection connection, ProxyConfig config) {
		super(target, connectionInfo, connection, config);
	}

	@Override
	List<QueryInfo> queriesOf(String sql) {
		return List.of(new QueryInfo(sql));
	}

	@Override
	StatementExecution startBatch(ExecutionMethod method) {
		List<QueryInfo> queries = new ArrayList<>();
		if (this.batch != null) {
			for (String sql : this.batch) {
				queries.add(new QueryInfo(sql));
			}
			this.batch.clear();
		}
		return startBatch(method, queries, queries.size());
	}

	@Override
	void batchAdded(@Nullable String sql) {
		if (this.batch == null) {
			this.batch = new ArrayList<>();
		}
		this.batch.add(sql);
	}

	@Override
	void batchCleared() {
		if (this.batch != null) {
			this.batch.clear();
		}
	}

}
