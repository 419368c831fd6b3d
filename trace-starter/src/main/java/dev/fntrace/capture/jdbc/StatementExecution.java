package dev.fntrace.capture.jdbc;

import java.sql.Statement;
import java.util.List;

import net.ttddyy.dsproxy.ConnectionInfo;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;

/**
 * One execution of a statement as datasource-proxy's listeners see it: the
 * {@link ExecutionInfo} itself also carries the listener and the queries, so that a
 * statement tells its listener before and after the driver runs with one object. Elapsed
 * time is in nanoseconds, as with datasource-proxy's {@code NanoTimeStopwatchFactory}.
 * The method's arguments are not kept ({@link #getMethodArgs()} is {@code null}).
 */
final class StatementExecution extends ExecutionInfo {

	private final QueryExecutionListener listener;

	private final List<QueryInfo> queries;

	private long start;

	private StatementExecution(ConnectionInfo connectionInfo, Statement statement, ExecutionMethod method,
			List<QueryInfo> queries, QueryExecutionListener listener, boolean batch, int batchSize) {
		super(connectionInfo, statement, batch, batchSize, method.method(), null);
		this.listener = listener;
		this.queries = queries;
	}

	/**
	 * Tell the listener that a statement is about to run, and start the clock.
	 * @param connectionInfo the connection's information
	 * @param statement the driver's statement
	 * @param method the method that runs it
	 * @param queries its queries
	 * @param listener the listener
	 * @param batch whether it runs a batch
	 * @param batchSize the batch's size, or 0
	 * @return the running execution
	 */
	static StatementExecution start(ConnectionInfo connectionInfo, Statement statement, ExecutionMethod method,
			List<QueryInfo> queries, QueryExecutionListener listener, boolean batch, int batchSize) {
		StatementExecution execution = new StatementExecution(connectionInfo, statement, method, queries, listener,
				batch, batchSize);
		listener.beforeQuery(execution, queries);
		execution.start = System.nanoTime();
		return execution;
	}

	/**
	 * Tell the listener that the statement ran.
	 * @param <T> the result's type
	 * @param result what the driver returned (a result set already wrapped)
	 * @return the result
	 */
	<T> T succeeded(T result) {
		setElapsedTime(System.nanoTime() - this.start);
		setResult(result);
		setSuccess(true);
		this.listener.afterQuery(this, this.queries);
		return result;
	}

	/**
	 * Tell the listener that the statement failed. The caller rethrows the failure.
	 * @param failure what the driver threw
	 */
	void failed(Throwable failure) {
		setElapsedTime(System.nanoTime() - this.start);
		setThrowable(failure);
		setSuccess(false);
		this.listener.afterQuery(this, this.queries);
	}

}
