/**
 * Internal: what calls schedule, and the {@link dev.fntrace.FnScheduler} implementation.
 */
@NullMarked
package dev.fntrace.capture.scheduling;

import org.jspecify.annotations.NullMarked;
