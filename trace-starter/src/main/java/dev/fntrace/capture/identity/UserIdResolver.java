package dev.fntrace.capture.identity;

/**
 * Tells who is calling: the user id recorded on a top-level traced call (nested calls
 * inherit their caller's). Declare a bean of this type to replace the default.
 */
@FunctionalInterface
public interface UserIdResolver {

	/**
	 * The id of the user on whose behalf the current thread runs.
	 * @return the user id, or {@code null} when anonymous or unknown
	 */
	String resolveUserId();

}
