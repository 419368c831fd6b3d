package dev.fntrace.sample;

import dev.fntrace.FnException;

/**
 * Thrown when a lot does not exist; code {@code LOT_NOT_FOUND}, HTTP 404.
 */
public class LotNotFoundException extends FnException {

	/** The error code. */
	public static final String CODE = "LOT_NOT_FOUND";

	public LotNotFoundException(long lotId) {
		super(CODE, "There is no lot " + lotId);
	}

}
