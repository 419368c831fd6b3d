package dev.fntrace.observation;

/**
 * The keys of the observations of traced calls and of their operations' spans.
 */
final class ObservationKeys {

	/** The function's name (low cardinality). */
	static final String FN = "fn";

	/** The function's type: query, mutation or action (low cardinality). */
	static final String TYPE = "type";

	/** How the call ended: ok, error or rolled_back (low cardinality). */
	static final String OUTCOME = "outcome";

	/** The error code of a failed call (high cardinality). */
	static final String CODE = "code";

	/** The caller's tenant (high cardinality). */
	static final String TENANT = "tenant";

	/** The caller's user, only when values may always be shown (high cardinality). */
	static final String USER = "user";

	/**
	 * The fntrace call id, to find the call in the fntrace endpoint (high cardinality).
	 */
	static final String CALL_ID = "call_id";

	/** The call id of the call that scheduled this run (high cardinality). */
	static final String SCHEDULED_BY = "scheduled_by";

	/** An operation's kind, such as {@code list} or {@code insert}. */
	static final String DB_OPERATION = "db.operation";

	/** The table or domain type an operation touched. */
	static final String DB_ENTITY = "db.entity";

	/** The statement text, with {@code ?} placeholders, never values. */
	static final String DB_STATEMENT = "db.statement";

	/** The rows an operation read or wrote. */
	static final String DB_ROWS = "db.rows";

	/** Whether an operation succeeded. */
	static final String DB_OK = "db.ok";

	private ObservationKeys() {
	}

}
