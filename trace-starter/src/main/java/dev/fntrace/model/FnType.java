package dev.fntrace.model;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The kind of a server function, as in the reference runtime: a {@link #QUERY} reads, a
 * {@link #MUTATION} writes inside its own transaction, an {@link #ACTION} does anything
 * else.
 */
public enum FnType {

	/** Reads only ({@code @Transactional(readOnly = true)}). */
	QUERY("query"),

	/** Reads and writes; the call is the transaction ({@code @Transactional}). */
	MUTATION("mutation"),

	/** External work without a transaction of its own; may call queries and mutations. */
	ACTION("action"),

	/** Not a type of its own: asks fntrace to infer the type from the method. */
	INFERRED("inferred");

	private final String jsonName;

	FnType(String jsonName) {
		this.jsonName = jsonName;
	}

	/**
	 * The name used in JSON and in queries.
	 * @return the lower-case name
	 */
	@JsonValue
	public String jsonName() {
		return this.jsonName;
	}

}
