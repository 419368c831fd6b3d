package dev.fntrace.test.library;

import dev.fntrace.CodedError;

/**
 * A book's price must be positive.
 */
public class PriceTooLowException extends RuntimeException implements CodedError {

	public PriceTooLowException(long price) {
		super("A price must be positive, was " + price);
	}

	@Override
	public String code() {
		return "PRICE_TOO_LOW";
	}

}
