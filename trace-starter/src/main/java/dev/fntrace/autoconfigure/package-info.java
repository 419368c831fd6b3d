/**
 * Auto-configuration of fntrace and its {@code fntrace.*} properties.
 */
@NullMarked
package dev.fntrace.autoconfigure;

import org.jspecify.annotations.NullMarked;
