package dev.fntrace.capture.jdbc;

import dev.fntrace.model.DbOp;

/**
 * What a SQL statement does and to which table.
 *
 * @param op the kind of operation, from the statement's verb
 * @param entity the main table as written, unquoted and without schema or catalog
 * qualifier (unquoted names lower-cased, quoted ones keep their case), or {@code null}
 * when the statement has no table
 */
record SqlShape(DbOp op, String entity) {

	/** The shape of text that is no statement fntrace recognises. */
	static final SqlShape UNKNOWN = new SqlShape(DbOp.OTHER, null);

}
