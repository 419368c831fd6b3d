/**
 * Internal: Spring Data repository calls as operations of their traces.
 */
@NullMarked
package dev.fntrace.capture.data;

import org.jspecify.annotations.NullMarked;
