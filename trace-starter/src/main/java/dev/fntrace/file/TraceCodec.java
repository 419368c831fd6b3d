package dev.fntrace.file;

import java.io.IOException;

import dev.fntrace.model.FnTrace;

/**
 * Turns a trace into one line of JSON and back, in the shape the endpoint serves.
 */
interface TraceCodec {

	/**
	 * Write a trace as JSON.
	 * @param trace the trace
	 * @return its JSON, which may span lines only where JSON allows whitespace
	 * @throws IOException if the trace cannot be written
	 */
	String write(FnTrace trace) throws IOException;

	/**
	 * Read a trace from JSON written by {@link #write(FnTrace)}.
	 * @param json the JSON
	 * @return the trace
	 * @throws IOException if the JSON is not a trace
	 */
	FnTrace read(String json) throws IOException;

}
