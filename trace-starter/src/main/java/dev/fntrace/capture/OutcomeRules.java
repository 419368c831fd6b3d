package dev.fntrace.capture;

import java.lang.reflect.UndeclaredThrowableException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import dev.fntrace.CodedError;
import dev.fntrace.model.BoundedText;
import dev.fntrace.model.FnOutcome;
import dev.fntrace.model.TraceBuilder;

/**
 * Decides how a call ended: a rollback of the call's own transaction makes it
 * {@code rolled_back}; else a failure makes it {@code error}, with the failure's code and
 * its message cut to a bound; else it is {@code ok}, with its value when values are
 * recorded.
 */
public final class OutcomeRules {

	private final int maxMessageLength;

	private final ValueRecorder values;

	private final int maxValueLength;

	private final TracingFailures failures;

	/**
	 * Create the rules.
	 * @param maxMessageLength how long an error message may be before it is cut
	 * @param values writes returned values as JSON, or {@code null} to record no values
	 * @param maxValueLength how long a value's JSON may be before it is cut
	 * @param failures where fntrace's own failures go
	 */
	public OutcomeRules(int maxMessageLength, ValueRecorder values, int maxValueLength, TracingFailures failures) {
		this.maxMessageLength = maxMessageLength;
		this.values = values;
		this.maxValueLength = maxValueLength;
		this.failures = failures;
	}

	FnOutcome outcome(TraceBuilder trace, Object value, Throwable failure) {
		FnOutcome.RolledBack rollback = trace.rollback();
		if (failure != null) {
			Throwable cause = unwrap(failure);
			String code = codeOf(cause);
			String message = messageOf(cause);
			return (rollback != null) ? new FnOutcome.RolledBack(code, message) : new FnOutcome.Errored(code, message);
		}
		if (rollback != null) {
			return rollback;
		}
		return (value != null && this.values != null) ? new FnOutcome.Ok(valueJson(value)) : FnOutcome.OK;
	}

	/**
	 * The code of a failure: the {@link CodedError#code() code} it carries, else its
	 * simple class name.
	 * @param failure the failure
	 * @return the code
	 */
	public String codeOf(Throwable failure) {
		if (failure instanceof CodedError coded && coded.code() != null) {
			return coded.code();
		}
		String name = failure.getClass().getSimpleName();
		return name.isEmpty() ? failure.getClass().getName() : name;
	}

	/**
	 * The message of a failure, cut to the configured length.
	 * @param failure the failure
	 * @return the message, cut, or {@code null}
	 */
	public String messageOf(Throwable failure) {
		return BoundedText.cut(failure.getMessage(), this.maxMessageLength);
	}

	private String valueJson(Object value) {
		BoundedJsonWriter json = new BoundedJsonWriter(this.maxValueLength);
		try {
			this.values.writeJson(value, json);
			return json.text();
		}
		catch (Exception | LinkageError ex) {
			if (json.isFull()) {
				return JsonStrings.quote(json.text() + "…");
			}
			this.failures.record("record a returned value", ex);
			return null;
		}
	}

	static Throwable unwrap(Throwable failure) {
		Throwable current = failure;
		while ((current instanceof CompletionException || current instanceof ExecutionException
				|| current instanceof UndeclaredThrowableException) && current.getCause() != null) {
			current = current.getCause();
		}
		return current;
	}

}
