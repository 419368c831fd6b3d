/**
 * Internal: Spring MVC streams and deferred results, counted and finished when they
 * complete.
 */
@NullMarked
package dev.fntrace.capture.web;

import org.jspecify.annotations.NullMarked;
