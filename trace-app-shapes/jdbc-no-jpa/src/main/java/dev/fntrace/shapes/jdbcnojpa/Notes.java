package dev.fntrace.shapes.jdbcnojpa;

import dev.fntrace.Traced;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps notes in the {@code note} table.
 */
@Service
public class Notes {

	private final JdbcTemplate jdbc;

	public Notes(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Add a note.
	 * @return how many notes there are now
	 */
	@Traced
	@Transactional
	public long add(String text) {
		this.jdbc.update("insert into note (text) values (?)", text);
		return this.jdbc.queryForObject("select count(*) from note", Long.class);
	}

	/**
	 * Add a note, then fail, so that the insert is rolled back.
	 */
	@Traced
	@Transactional
	public long addThenFail(String text) {
		this.jdbc.update("insert into note (text) values (?)", text);
		throw new IllegalStateException("Notes are full");
	}

	/**
	 * How many notes there are.
	 */
	@Traced
	@Transactional(readOnly = true)
	public long count() {
		return this.jdbc.queryForObject("select count(*) from note", Long.class);
	}

}
