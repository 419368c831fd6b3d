/**
 * Micrometer meters for traced calls: a timer per function and outcome, the operations
 * per call, and the operations fntrace had to drop.
 */
@NullMarked
package dev.fntrace.metrics;

import org.jspecify.annotations.NullMarked;
