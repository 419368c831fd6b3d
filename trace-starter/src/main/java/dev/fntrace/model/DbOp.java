package dev.fntrace.model;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The kind of a database operation: the reference runtime's vocabulary, plus
 * {@link #OTHER} for statements that fit none of it (DDL, calls, merges).
 */
public enum DbOp {

	/** Read one row by id. */
	GET("get"),
	/** Read many rows. */
	LIST("list"),
	/** Read one page of rows. */
	PAGINATE("paginate"),
	/** Insert rows. */
	INSERT("insert"),
	/** Update rows. */
	UPDATE("update"),
	/** Delete rows. */
	DELETE("delete"),
	/** Read one row by a unique key other than the id. */
	LOOKUP("lookup"),
	/** Any other read. */
	QUERY("query"),
	/** A read across relations. */
	QUERY_GRAPH("query_graph"),
	/** Add a relation. */
	LINK("link"),
	/** Remove a relation. */
	UNLINK("unlink"),
	/** A full-text or similarity search. */
	SEARCH("search"),
	/**
	 * A transaction inside the call that was rolled back while the call went on: an inner
	 * {@code REQUIRES_NEW} or {@code NESTED} transaction, or a repository's own.
	 */
	ROLLBACK("rollback"),
	/** Anything else. */
	OTHER("other");

	private final String jsonName;

	DbOp(String jsonName) {
		this.jsonName = jsonName;
	}

	/**
	 * The name used in JSON.
	 * @return the lower-case name
	 */
	@JsonValue
	public String jsonName() {
		return this.jsonName;
	}

	/**
	 * Whether the operation only reads.
	 * @return {@code true} for reads
	 */
	public boolean isRead() {
		return switch (this) {
			case GET, LIST, PAGINATE, LOOKUP, QUERY, QUERY_GRAPH, SEARCH -> true;
			default -> false;
		};
	}

}
