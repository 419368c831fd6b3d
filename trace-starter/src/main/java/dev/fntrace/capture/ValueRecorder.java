package dev.fntrace.capture;

import java.io.Writer;

/**
 * Writes a value a traced call returned as the JSON document kept in its trace. Used only
 * when {@code fntrace.record-values} is on: values are private by default. The writer it
 * is given stops taking characters past {@code fntrace.max-value-length}, so a large
 * value is cut while it is written, never serialised whole first.
 */
@FunctionalInterface
public interface ValueRecorder {

	/**
	 * Write a value as JSON.
	 * @param value the value, never {@code null}
	 * @param json where to write the document
	 * @throws Exception if the value cannot be written, or the writer took all it may
	 */
	void writeJson(Object value, Writer json) throws Exception;

}
