package dev.fntrace;

/**
 * A runtime exception with an error {@link CodedError#code() code}, for functions that
 * fail in ways their callers should tell apart.
 */
public class FnException extends RuntimeException implements CodedError {

	private final String code;

	/**
	 * Create an exception with a code and a message.
	 * @param code the error code, such as {@code BID_TOO_LOW}
	 * @param message the message
	 */
	public FnException(String code, String message) {
		super(message);
		this.code = code;
	}

	/**
	 * Create an exception with a code, a message and a cause.
	 * @param code the error code
	 * @param message the message
	 * @param cause the cause
	 */
	public FnException(String code, String message, Throwable cause) {
		super(message, cause);
		this.code = code;
	}

	@Override
	public String code() {
		return this.code;
	}

}
