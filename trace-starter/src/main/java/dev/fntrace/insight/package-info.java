/**
 * What the endpoint and tests learn from traces: the one N+1 rule, slow-call thresholds
 * and per-function statistics. Uses the model only.
 */
@NullMarked
package dev.fntrace.insight;

import org.jspecify.annotations.NullMarked;
