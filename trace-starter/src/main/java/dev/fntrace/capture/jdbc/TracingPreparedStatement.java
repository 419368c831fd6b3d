package dev.fntrace.capture.jdbc;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.List;

import net.ttddyy.dsproxy.ConnectionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.proxy.ProxyConfig;
import org.jspecify.annotations.Nullable;

/**
 * A {@link PreparedStatement} that tells its listener about each execution of its SQL; a
 * batch is reported as that SQL with the number of entries added. Parameter values are
 * handed to the driver and never kept: the listener's {@link QueryInfo} carries no
 * parameters (fntrace records statements with their {@code ?} placeholders only).
 */
final class TracingPreparedStatement extends AbstractTracingStatement<PreparedStatement> implements PreparedStatement {

	private final List<QueryInfo> queries;

	private int batchSize;

	TracingPreparedStatement(PreparedStatement target, String sql, ConnectionInfo connectionInfo, Connection connection,
			ProxyConfig config) {
		super(target, connectionInfo, connection, config);
		this.queries = List.of(new QueryInfo(sql));
	}

	@Override
	List<QueryInfo> queriesOf(String sql) {
		return this.queries;
	}

	@Override
	StatementExecution startBatch(ExecutionMethod method) {
		int size = this.batchSize;
		this.batchSize = 0;
		return startBatch(method, this.queries, size);
	}

	@Override
	void batchAdded(@Nullable String sql) {
		this.batchSize++;
	}

	@Override
	void batchCleared() {
		this.batchSize = 0;
	}

	@Override
	public ResultSet executeQuery() throws SQLException {
		StatementExecution execution = start(ExecutionMethod.EXECUTE_PREPARED_QUERY, this.queries);
		ResultSet result;
		try {
			result = this.target.executeQuery();
		}
		catch (SQLException | RuntimeException | Error ex) {
			execution.failed(ex);
			throw ex;
		}
		return execution.succeeded(resultSet(result));
	}

	@Override
	public boolean execute() throws SQLException {
		StatementExecution execution = start(ExecutionMethod.EXECUTE_PREPARED, this.queries);
		boolean result;
		try {
			result = this.target.execute();
		}
		catch (SQLException | RuntimeException | Error ex) {
			execution.failed(ex);
			throw ex;
		}
		return execution.succeeded(result);
	}

	@Override
	public int executeUpdate() throws SQLException {
		StatementExecution execution = start(ExecutionMethod.EXECUTE_PREPARED_UPDATE, this.queries);
		int result;
		try {
			result = this.target.executeUpdate();
		}
		catch (SQLException | RuntimeException | Error ex) {
			execution.failed(ex);
			throw ex;
		}
		return execution.succeeded(result);
	}

	@Override
	public long executeLargeUpdate() throws SQLException {
		StatementExecution execution = start(ExecutionMethod.EXECUTE_PREPARED_LARGE_UPDATE, this.queries);
		long result;
		try {
			result = this.target.executeLargeUpdate();
		}
		catch (SQLException | RuntimeException | Error ex) {
			execution.failed(ex);
			throw ex;
		}
		return execution.succeeded(result);
	}

	@Override
	public void addBatch() throws SQLException {
		batchAdded(null);
		this.target.addBatch();
	}

	@Override
	public void clearParameters() throws SQLException {
		this.target.clearParameters();
	}

	@Override
	public ResultSetMetaData getMetaData() throws SQLException {
		return this.target.getMetaData();
	}

	@Override
	public ParameterMetaData getParameterMetaData() throws SQLException {
		return this.target.getParameterMetaData();
	}

	@Override
	public void setArray(int arg0, Array arg1) throws SQLException {
		this.target.setArray(arg0, arg1);
	}

	@Override
	public void setAsciiStream(int arg0, InputStream arg1, int arg2) throws SQLException {
		this.target.setAsciiStream(arg0, arg1, arg2);
	}

	@Override
	public void setAsciiStream(int arg0, InputStream arg1, long arg2) throws SQLException {
		this.target.setAsciiStream(arg0, arg1, arg2);
	}

	@Override
	public void setAsciiStream(int arg0, InputStream arg1) throws SQLException {
		this.target.setAsciiStream(arg0, arg1);
	}

	@Override
	public void setBigDecimal(int arg0, BigDecimal arg1) throws SQLException {
		this.target.setBigDecimal(arg0, arg1);
	}

	@Override
	public void setBinaryStream(int arg0, InputStream arg1, int arg2) throws SQLException {
		this.target.setBinaryStream(arg0, arg1, arg2);
	}

	@Override
	public void setBinaryStream(int arg0, InputStream arg1, long arg2) throws SQLException {
		this.target.setBinaryStream(arg0, arg1, arg2);
	}

	@Override
	public void setBinaryStream(int arg0, InputStream arg1) throws SQLException {
		this.target.setBinaryStream(arg0, arg1);
	}

	@Override
	public void setBlob(int arg0, InputStream arg1, long arg2) throws SQLException {
		this.target.setBlob(arg0, arg1, arg2);
	}

	@Override
	public void setBlob(int arg0, InputStream arg1) throws SQLException {
		this.target.setBlob(arg0, arg1);
	}

	@Override
	public void setBlob(int arg0, Blob arg1) throws SQLException {
		this.target.setBlob(arg0, arg1);
	}

	@Override
	public void setBoolean(int arg0, boolean arg1) throws SQLException {
		this.target.setBoolean(arg0, arg1);
	}

	@Override
	public void setByte(int arg0, byte arg1) throws SQLException {
		this.target.setByte(arg0, arg1);
	}

	@Override
	public void setBytes(int arg0, byte[] arg1) throws SQLException {
		this.target.setBytes(arg0, arg1);
	}

	@Override
	public void setCharacterStream(int arg0, Reader arg1, int arg2) throws SQLException {
		this.target.setCharacterStream(arg0, arg1, arg2);
	}

	@Override
	public void setCharacterStream(int arg0, Reader arg1, long arg2) throws SQLException {
		this.target.setCharacterStream(arg0, arg1, arg2);
	}

	@Override
	public void setCharacterStream(int arg0, Reader arg1) throws SQLException {
		this.target.setCharacterStream(arg0, arg1);
	}

	@Override
	public void setClob(int arg0, Reader arg1, long arg2) throws SQLException {
		this.target.setClob(arg0, arg1, arg2);
	}

	@Override
	public void setClob(int arg0, Reader arg1) throws SQLException {
		this.target.setClob(arg0, arg1);
	}

	@Override
	public void setClob(int arg0, Clob arg1) throws SQLException {
		this.target.setClob(arg0, arg1);
	}

	@Override
	public void setDate(int arg0, Date arg1, Calendar arg2) throws SQLException {
		this.target.setDate(arg0, arg1, arg2);
	}

	@Override
	public void setDate(int arg0, Date arg1) throws SQLException {
		this.target.setDate(arg0, arg1);
	}

	@Override
	public void setDouble(int arg0, double arg1) throws SQLException {
		this.target.setDouble(arg0, arg1);
	}

	@Override
	public void setFloat(int arg0, float arg1) throws SQLException {
		this.target.setFloat(arg0, arg1);
	}

	@Override
	public void setInt(int arg0, int arg1) throws SQLException {
		this.target.setInt(arg0, arg1);
	}

	@Override
	public void setLong(int arg0, long arg1) throws SQLException {
		this.target.setLong(arg0, arg1);
	}

	@Override
	public void setNCharacterStream(int arg0, Reader arg1, long arg2) throws SQLException {
		this.target.setNCharacterStream(arg0, arg1, arg2);
	}

	@Override
	public void setNCharacterStream(int arg0, Reader arg1) throws SQLException {
		this.target.setNCharacterStream(arg0, arg1);
	}

	@Override
	public void setNClob(int arg0, Reader arg1, long arg2) throws SQLException {
		this.target.setNClob(arg0, arg1, arg2);
	}

	@Override
	public void setNClob(int arg0, Reader arg1) throws SQLException {
		this.target.setNClob(arg0, arg1);
	}

	@Override
	public void setNClob(int arg0, NClob arg1) throws SQLException {
		this.target.setNClob(arg0, arg1);
	}

	@Override
	public void setNString(int arg0, String arg1) throws SQLException {
		this.target.setNString(arg0, arg1);
	}

	@Override
	public void setNull(int arg0, int arg1, String arg2) throws SQLException {
		this.target.setNull(arg0, arg1, arg2);
	}

	@Override
	public void setNull(int arg0, int arg1) throws SQLException {
		this.target.setNull(arg0, arg1);
	}

	@Override
	public void setObject(int arg0, Object arg1, int arg2, int arg3) throws SQLException {
		this.target.setObject(arg0, arg1, arg2, arg3);
	}

	@Override
	public void setObject(int arg0, Object arg1, int arg2) throws SQLException {
		this.target.setObject(arg0, arg1, arg2);
	}

	@Override
	public void setObject(int arg0, Object arg1, SQLType arg2, int arg3) throws SQLException {
		this.target.setObject(arg0, arg1, arg2, arg3);
	}

	@Override
	public void setObject(int arg0, Object arg1, SQLType arg2) throws SQLException {
		this.target.setObject(arg0, arg1, arg2);
	}

	@Override
	public void setObject(int arg0, Object arg1) throws SQLException {
		this.target.setObject(arg0, arg1);
	}

	@Override
	public void setRef(int arg0, Ref arg1) throws SQLException {
		this.target.setRef(arg0, arg1);
	}

	@Override
	public void setRowId(int arg0, RowId arg1) throws SQLException {
		this.target.setRowId(arg0, arg1);
	}

	@Override
	public void setSQLXML(int arg0, SQLXML arg1) throws SQLException {
		this.target.setSQLXML(arg0, arg1);
	}

	@Override
	public void setShort(int arg0, short arg1) throws SQLException {
		this.target.setShort(arg0, arg1);
	}

	@Override
	public void setString(int arg0, String arg1) throws SQLException {
		this.target.setString(arg0, arg1);
	}

	@Override
	public void setTime(int arg0, Time arg1, Calendar arg2) throws SQLException {
		this.target.setTime(arg0, arg1, arg2);
	}

	@Override
	public void setTime(int arg0, Time arg1) throws SQLException {
		this.target.setTime(arg0, arg1);
	}

	@Override
	public void setTimestamp(int arg0, Timestamp arg1, Calendar arg2) throws SQLException {
		this.target.setTimestamp(arg0, arg1, arg2);
	}

	@Override
	public void setTimestamp(int arg0, Timestamp arg1) throws SQLException {
		this.target.setTimestamp(arg0, arg1);
	}

	@Override
	public void setURL(int arg0, URL arg1) throws SQLException {
		this.target.setURL(arg0, arg1);
	}

	@Override
	@SuppressWarnings("deprecation")
	public void setUnicodeStream(int arg0, InputStream arg1, int arg2) throws SQLException {
		this.target.setUnicodeStream(arg0, arg1, arg2);
	}

}
