/**
 * The public API of fntrace: {@link dev.fntrace.Traced @Traced}, the
 * {@link dev.fntrace.FnTraces} facade, the {@link dev.fntrace.FnScheduler} and coded
 * failures. Depends on the model and the current-call context only.
 */
@NullMarked
package dev.fntrace;

import org.jspecify.annotations.NullMarked;
