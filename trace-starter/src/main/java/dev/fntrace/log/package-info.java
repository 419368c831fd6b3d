/**
 * Where finished traces go: the {@link dev.fntrace.log.TraceSink} contract, the bounded
 * {@link dev.fntrace.log.TraceLog} and its queries.
 */
@NullMarked
package dev.fntrace.log;

import org.jspecify.annotations.NullMarked;
