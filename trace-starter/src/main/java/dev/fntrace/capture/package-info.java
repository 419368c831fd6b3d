/**
 * Internal: recording calls. The auto-configuration creates the
 * {@link dev.fntrace.capture.TracedAdvisor} (the entry point: it applies the interceptor
 * to {@code @Traced} methods) and the {@link dev.fntrace.capture.TraceRecorder} it
 * records with; the other public types here are shared with the capture sub-packages
 * (which capture SQL, transactions, repositories, schedules, streams and identity) or are
 * beans an application may replace. Not an API: everything else is package-private.
 */
@NullMarked
package dev.fntrace.capture;

import org.jspecify.annotations.NullMarked;
