/**
 * A bounded file of recent traces, written as JSON lines and read back into the log at
 * start-up, so that recent traces survive a restart.
 */
@NullMarked
package dev.fntrace.file;

import org.jspecify.annotations.NullMarked;
