/**
 * Internal: SQL capture through datasource-proxy. The entry point is
 * {@link dev.fntrace.capture.jdbc.TracingDataSourcePostProcessor}, which wraps data
 * sources so that the {@link dev.fntrace.capture.jdbc.SqlOpListener} sees their
 * statements; the lexer, the classifier and the row-counting result set are
 * package-private.
 */
@NullMarked
package dev.fntrace.capture.jdbc;

import org.jspecify.annotations.NullMarked;
