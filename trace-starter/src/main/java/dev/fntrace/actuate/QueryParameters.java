package dev.fntrace.actuate;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.lang.Nullable;

/**
 * Reads the endpoint's query parameters from their text, so that a bad value is answered
 * with a message naming the parameter rather than by actuator's conversion, whose message
 * Spring Boot's default error settings hide.
 */
final class QueryParameters {

	private QueryParameters() {
	}

	static @Nullable Integer integer(String name, @Nullable String text) {
		if (isBlank(text)) {
			return null;
		}
		try {
			return Integer.valueOf(text.trim());
		}
		catch (NumberFormatException ex) {
			throw invalid(name, "must be a whole number, was '" + text + "'");
		}
	}

	static @Nullable Long longInteger(String name, @Nullable String text) {
		if (isBlank(text)) {
			return null;
		}
		try {
			return Long.valueOf(text.trim());
		}
		catch (NumberFormatException ex) {
			throw invalid(name, "must be a whole number, was '" + text + "'");
		}
	}

	static @Nullable Double decimal(String name, @Nullable String text) {
		if (isBlank(text)) {
			return null;
		}
		try {
			return Double.valueOf(text.trim());
		}
		catch (NumberFormatException ex) {
			throw invalid(name, "must be a number, was '" + text + "'");
		}
	}

	static @Nullable Boolean bool(String name, @Nullable String text) {
		if (isBlank(text)) {
			return null;
		}
		String value = text.trim();
		if ("true".equalsIgnoreCase(value)) {
			return Boolean.TRUE;
		}
		if ("false".equalsIgnoreCase(value)) {
			return Boolean.FALSE;
		}
		throw invalid(name, "must be true or false, was '" + text + "'");
	}

	private static boolean isBlank(@Nullable String text) {
		return text == null || text.isBlank();
	}

	private static InvalidEndpointRequestException invalid(String name, String problem) {
		return new InvalidEndpointRequestException("Invalid parameter '" + name + "': " + problem, "Invalid " + name);
	}

}
