package dev.fntrace;

/**
 * Implemented by exceptions that carry a stable, machine-readable error code (such as
 * {@code BID_TOO_LOW}); the code becomes the {@code code} of the failed call's outcome.
 * Exceptions without one are recorded under their simple class name.
 */
public interface CodedError {

	/**
	 * The error code, stable across releases and free of user data.
	 * @return the code
	 */
	String code();

}
