package dev.fntrace.log;

import java.util.Locale;

import dev.fntrace.model.FnOutcome;

/**
 * Which outcomes a {@link TraceQuery} keeps.
 */
public enum StatusFilter {

	/** Calls that ended {@code ok}. */
	OK,

	/** Calls that ended in {@code error}. */
	ERROR,

	/** Calls that ended {@code rolled_back}. */
	ROLLED_BACK,

	/** Calls that failed: {@code error} or {@code rolled_back}. */
	FAILED;

	/**
	 * Whether an outcome passes this filter.
	 * @param outcome the outcome
	 * @return {@code true} if it passes
	 */
	public boolean matches(FnOutcome outcome) {
		return switch (this) {
			case OK -> outcome instanceof FnOutcome.Ok;
			case ERROR -> outcome instanceof FnOutcome.Errored;
			case ROLLED_BACK -> outcome instanceof FnOutcome.RolledBack;
			case FAILED -> outcome.isFailure();
		};
	}

	/**
	 * Parse a filter as written in a query: {@code ok}, {@code error},
	 * {@code rolled_back} or {@code failed}, in any case.
	 * @param text the text
	 * @return the filter
	 * @throws IllegalArgumentException if the text names no filter
	 */
	public static StatusFilter parse(String text) {
		String name = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
		for (StatusFilter filter : values()) {
			if (filter.name().equals(name)) {
				return filter;
			}
		}
		throw new IllegalArgumentException(
				"Unknown status '" + text + "': expected one of ok, error, rolled_back, failed");
	}

}
