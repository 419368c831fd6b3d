/**
 * The trace of the call running on the current thread, below both the public API and
 * capture so that neither depends on the other. Plain JDK code, plus its Micrometer
 * context-propagation accessor.
 */
@NullMarked
package dev.fntrace.context;

import org.jspecify.annotations.NullMarked;
