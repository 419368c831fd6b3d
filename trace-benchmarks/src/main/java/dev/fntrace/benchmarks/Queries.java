package dev.fntrace.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * The statements {@link SqlBenchmark} runs, each on a connection of its own taken from
 * the pool, as an application's repository would.
 */
final class Queries {

	static final String SELECT_ONE = "SELECT 1";

	static final String SELECT_ITEMS = "SELECT id, name, price, created_at FROM item ORDER BY id";

	static final int ITEM_ROWS = 1000;

	private Queries() {
	}

	static int selectOne(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement(SELECT_ONE);
				ResultSet result = statement.executeQuery()) {
			result.next();
			return result.getInt(1);
		}
	}

	/**
	 * Read every column of every row of the item table.
	 * @param dataSource where to read
	 * @return a number made of every value read, so none of the reads can be left out
	 * @throws SQLException if the read fails
	 */
	static long readItems(DataSource dataSource) throws SQLException {
		long sum = 0;
		try (Connection connection = dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement(SELECT_ITEMS);
				ResultSet result = statement.executeQuery()) {
			while (result.next()) {
				sum += result.getLong(1) + result.getString(2).length() + result.getLong(3)
						+ result.getTimestamp(4).getNanos();
			}
		}
		return sum;
	}

}
