package dev.fntrace.compat;

/**
 * Thrown when there is no thing with the id asked for.
 */
class ThingNotFoundException extends RuntimeException {

	ThingNotFoundException(long id) {
		super("no thing " + id);
	}

}
