package dev.fntrace.capture.jdbc;

import dev.fntrace.model.BoundedText;
import java.util.List;
import java.util.function.LongSupplier;

import dev.fntrace.context.TraceContext;
import dev.fntrace.capture.TracingFailures;
import dev.fntrace.model.DbOp;
import dev.fntrace.model.OpBuilder;
import dev.fntrace.model.TraceBuilder;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;

/**
 * Turns each statement executed inside a traced call into an operation of that call's
 * trace: kind and table from the SQL, duration, rows, success, and the statement text
 * with its {@code ?} placeholders (never the parameter values). A batch is one operation
 * with its size. Outside traced calls it does nothing but read a thread-local.
 */
public class SqlOpListener implements QueryExecutionListener {

	private final SqlClassifier classifier;

	private final TracingFailures failures;

	private final int maxSqlLength;

	/**
	 * Create a listener.
	 * @param failures where fntrace's own failures go
	 * @param maxSqlLength how long a statement's text may be before it is cut, so that
	 * generated statements (long {@code IN} lists) cannot grow the log without bound
	 */
	public SqlOpListener(TracingFailures failures, int maxSqlLength) {
		this(new SqlClassifier(), failures, maxSqlLength);
	}

	SqlOpListener(SqlClassifier classifier, TracingFailures failures, int maxSqlLength) {
		this.classifier = classifier;
		this.failures = failures;
		this.maxSqlLength = maxSqlLength;
	}

	@Override
	public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
	}

	@Override
	public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
		TraceBuilder trace = TraceContext.current();
		if (trace == null || queries.isEmpty()) {
			return;
		}
		try {
			record(trace, execution, queries);
		}
		catch (RuntimeException | LinkageError ex) {
			this.failures.record("record a SQL statement", ex);
		}
	}

	private void record(TraceBuilder trace, ExecutionInfo execution, List<QueryInfo> queries) {
		long end = System.nanoTime();
		long duration = execution.getElapsedTime();
		String sql = cut(sqlOf(queries));
		SqlShape shape = this.classifier.classify(queries.get(0).getQuery());
		Integer batchSize = execution.isBatch() ? execution.getBatchSize() : null;
		OpBuilder op = trace.addOp(shape.op(), shape.entity(), null, end - duration, duration, execution.isSuccess(),
				sql, batchSize);
		if (op == null || !execution.isSuccess()) {
			return;
		}
		Object result = execution.getResult();
		LongSupplier rowsRead = RowCountingResultSet.rowsOf(result);
		if (rowsRead != null) {
			op.rowCountFrom(rowsRead);
		}
		else if (shape.op() != DbOp.QUERY) {
			long rows = rowsWritten(result);
			if (rows >= 0) {
				op.rowCount(rows);
			}
		}
	}

	private String cut(String sql) {
		return BoundedText.cut(sql, this.maxSqlLength);
	}

	private static String sqlOf(List<QueryInfo> queries) {
		if (queries.size() == 1) {
			return queries.get(0).getQuery();
		}
		StringBuilder sql = new StringBuilder();
		for (QueryInfo query : queries) {
			if (sql.length() > 0) {
				sql.append(";\n");
			}
			sql.append(query.getQuery());
		}
		return sql.toString();
	}

	private static long rowsWritten(Object result) {
		if (result instanceof Integer count) {
			return count;
		}
		if (result instanceof Long count) {
			return count;
		}
		if (result instanceof int[] counts) {
			long total = 0;
			for (int count : counts) {
				if (count < 0) {
					return -1;
				}
				total += count;
			}
			return total;
		}
		if (result instanceof long[] counts) {
			long total = 0;
			for (long count : counts) {
				if (count < 0) {
					return -1;
				}
				total += count;
			}
			return total;
		}
		return -1;
	}

}
