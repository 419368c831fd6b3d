package dev.fntrace.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * How a call ended, tagged in JSON by {@code status}: {@code ok}, {@code error} or
 * {@code rolled_back}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "status")
@JsonSubTypes({ @JsonSubTypes.Type(value = FnOutcome.Ok.class, name = "ok"),
		@JsonSubTypes.Type(value = FnOutcome.Errored.class, name = "error"),
		@JsonSubTypes.Type(value = FnOutcome.RolledBack.class, name = "rolled_back") })
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface FnOutcome {

	/** The outcome of a call that returned normally and committed whatever it wrote. */
	Ok OK = new Ok(null);

	/**
	 * The status as written in JSON.
	 * @return {@code ok}, {@code error} or {@code rolled_back}
	 */
	String status();

	/**
	 * Whether the call failed ({@code error} or {@code rolled_back}).
	 * @return {@code true} for a failure
	 */
	@JsonIgnore
	default boolean isFailure() {
		return !(this instanceof Ok);
	}

	/**
	 * The error code of a failure.
	 * @return the code, or {@code null} for {@code ok}
	 */
	default String code() {
		return null;
	}

	/**
	 * The message of a failure, truncated.
	 * @return the message, or {@code null} for {@code ok} or a failure without one
	 */
	default String message() {
		return null;
	}

	/**
	 * The call returned normally.
	 *
	 * @param value the returned value as a JSON document, or {@code null} when values are
	 * not recorded
	 */
	record Ok(@JsonRawValue String value) implements FnOutcome {

		@Override
		public String status() {
			return "ok";
		}

	}

	/**
	 * The call threw and nothing it wrote was rolled back by its own transaction.
	 *
	 * @param code the error code, or the exception's simple class name
	 * @param message the exception's message, truncated; may be {@code null}
	 */
	record Errored(String code, String message) implements FnOutcome {

		@Override
		public String status() {
			return "error";
		}

	}

	/**
	 * The call's own transaction ended in rollback: it threw through
	 * {@code @Transactional}, was marked rollback-only, or its commit failed.
	 *
	 * @param code the error code of the cause
	 * @param message the cause's message, truncated; may be {@code null}
	 */
	record RolledBack(String code, String message) implements FnOutcome {

		@Override
		public String status() {
			return "rolled_back";
		}

	}

}
