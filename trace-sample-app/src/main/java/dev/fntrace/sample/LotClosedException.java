package dev.fntrace.sample;

import dev.fntrace.FnException;

/**
 * Thrown when a bid is placed on a closed lot; code {@code LOT_CLOSED}, HTTP 409.
 */
public class LotClosedException extends FnException {

	/** The error code. */
	public static final String CODE = "LOT_CLOSED";

	public LotClosedException(long lotId) {
		super(CODE, "Lot " + lotId + " no longer takes bids");
	}

}
