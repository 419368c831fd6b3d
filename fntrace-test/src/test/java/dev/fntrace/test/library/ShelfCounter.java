package dev.fntrace.test.library;

import dev.fntrace.Traced;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Counts with plain JDBC, for {@code @JdbcTest} slices.
 */
@Service
public class ShelfCounter {

	private final JdbcTemplate jdbc;

	public ShelfCounter(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Count the schemas of the database: one query.
	 */
	@Traced("countSchemas")
	public long countSchemas() {
		Long count = this.jdbc.queryForObject("select count(*) from information_schema.schemata", Long.class);
		return (count != null) ? count : 0;
	}

}
