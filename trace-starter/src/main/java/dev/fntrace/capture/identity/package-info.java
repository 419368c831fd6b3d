/**
 * Who called: the {@link dev.fntrace.capture.identity.UserIdResolver} and
 * {@link dev.fntrace.capture.identity.TenantIdResolver} contracts an application may
 * replace, and their defaults.
 */
@NullMarked
package dev.fntrace.capture.identity;

import org.jspecify.annotations.NullMarked;
