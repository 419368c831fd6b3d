/**
 * The {@code fntraces} actuator endpoint, its page and its response bodies.
 */
@NullMarked
package dev.fntrace.actuate;

import org.jspecify.annotations.NullMarked;
