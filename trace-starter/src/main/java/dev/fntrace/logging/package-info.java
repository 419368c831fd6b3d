/**
 * Slow and failed calls written as one structured log line each, through the
 * application's logging.
 */
@NullMarked
package dev.fntrace.logging;

import org.jspecify.annotations.NullMarked;
