package dev.fntrace.sample;

import dev.fntrace.FnException;

/**
 * Thrown when a bid does not exceed the lot's current price; code {@code BID_TOO_LOW},
 * HTTP 409.
 */
public class BidTooLowException extends FnException {

	/** The error code. */
	public static final String CODE = "BID_TOO_LOW";

	public BidTooLowException(long currentPrice) {
		super(CODE, "A bid must exceed the current price of " + currentPrice);
	}

}
