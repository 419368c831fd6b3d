/**
 * fntrace in an application's own tests: {@link dev.fntrace.test.AutoConfigureFnTrace}
 * records traces in test slices, the {@link dev.fntrace.test.FnTraceExtension} gives each
 * test the {@link dev.fntrace.test.FnTraceRecorder traces of its own calls}, and
 * {@link dev.fntrace.test.FnTraceAssertions} asserts what those calls did.
 */
@NullMarked
package dev.fntrace.test;

import org.jspecify.annotations.NullMarked;
