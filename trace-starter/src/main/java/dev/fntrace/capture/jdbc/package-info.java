/**
 * Internal: SQL capture through datasource-proxy.
 */
@NullMarked
package dev.fntrace.capture.jdbc;

import org.jspecify.annotations.NullMarked;
