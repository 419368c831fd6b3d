/**
 * The trace model: immutable {@link dev.fntrace.model.FnTrace} values and the
 * {@link dev.fntrace.model.TraceBuilder} that records a call in progress. Plain Java with
 * Jackson annotations only: nothing of Spring.
 */
@NullMarked
package dev.fntrace.model;

import org.jspecify.annotations.NullMarked;
