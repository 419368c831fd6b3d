/**
 * Internal: recording calls. The interceptor, the recorder and the rules of outcomes;
 * sub-packages capture SQL, transactions, repositories, schedules, streams and identity.
 * Used by the auto-configuration; not an API.
 */
@NullMarked
package dev.fntrace.capture;

import org.jspecify.annotations.NullMarked;
