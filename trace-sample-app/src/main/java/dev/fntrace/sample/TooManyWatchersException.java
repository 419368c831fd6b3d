package dev.fntrace.sample;

import dev.fntrace.FnException;

/**
 * Thrown when a lot already has as many watchers as it takes; code
 * {@code TOO_MANY_WATCHERS}, HTTP 429.
 */
public class TooManyWatchersException extends FnException {

	/** The error code. */
	public static final String CODE = "TOO_MANY_WATCHERS";

	public TooManyWatchersException(long lotId, int max) {
		super(CODE, "Lot " + lotId + " already has " + max + " watchers");
	}

}
