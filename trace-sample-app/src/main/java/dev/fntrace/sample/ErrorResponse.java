package dev.fntrace.sample;

/**
 * The body of an API error.
 *
 * @param code a stable, machine-readable code such as {@code BID_TOO_LOW}
 * @param message a human-readable message
 */
public record ErrorResponse(String code, String message) {

}
