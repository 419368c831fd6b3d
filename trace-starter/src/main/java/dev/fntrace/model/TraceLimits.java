package dev.fntrace.model;

/**
 * The bounds of one trace, so that no call can grow the log without limit.
 *
 * @param maxOps how many operations a trace keeps; later ones are only counted
 * @param maxSchedules how many schedules a trace keeps; later ones are only counted
 * @param maxSqlChars how many characters of SQL text a trace keeps in all, folded
 * operations included; statements past the budget are kept cut, or without their text
 */
public record TraceLimits(int maxOps, int maxSchedules, int maxSqlChars) {

	/** The defaults: 200 operations, 100 schedules, 16 000 characters of SQL. */
	public static final TraceLimits DEFAULTS = new TraceLimits(200, 100, 16_000);

	/**
	 * Create limits.
	 */
	public TraceLimits {
		if (maxOps < 0 || maxSchedules < 0 || maxSqlChars < 0) {
			throw new IllegalArgumentException("Trace limits must not be negative");
		}
	}

	/**
	 * The default limits with another number of operations.
	 * @param maxOps how many operations a trace keeps
	 * @return the limits
	 */
	public static TraceLimits ofMaxOps(int maxOps) {
		return new TraceLimits(maxOps, DEFAULTS.maxSchedules(), DEFAULTS.maxSqlChars());
	}

}
