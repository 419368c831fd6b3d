package dev.fntrace.capture;

/**
 * Turns a value a traced call returned into the JSON document kept in its trace. Used only when
 * {@code fntrace.record-values} is on: values are private by default.
 */
@FunctionalInterface
public interface ValueRecorder {

	/**
	 * Write a value as JSON.
	 * @param value the value, never {@code null}
	 * @return a JSON document
	 * @throws Exception if the value cannot be written
	 */
	String toJson(Object value) throws Exception;

}
