/**
 * Internal: which transaction a call owns, and how transactions inside calls end.
 */
@NullMarked
package dev.fntrace.capture.tx;

import org.jspecify.annotations.NullMarked;
