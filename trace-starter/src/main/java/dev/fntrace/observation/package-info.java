/**
 * Traced calls as Micrometer Observations, so that a Micrometer Tracing backend (Zipkin,
 * Tempo, Jaeger) shows each call as a span, with its SQL operations as child spans.
 */
@NullMarked
package dev.fntrace.observation;

import org.jspecify.annotations.NullMarked;
