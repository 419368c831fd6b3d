/**
 * Internal: what calls schedule, and the {@link dev.fntrace.FnScheduler} implementation.
 * The public types are the beans the auto-configuration registers (the scheduler, the
 * task-scheduler advisor, the {@code @Async} post-processor, the after-commit strategy);
 * their interceptors are package-private.
 */
@NullMarked
package dev.fntrace.capture.scheduling;

import org.jspecify.annotations.NullMarked;
