package dev.fntrace.capture;

import java.util.function.Supplier;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

import dev.fntrace.context.TraceContext;
import dev.fntrace.model.TraceBuilder;

import org.springframework.util.function.SingletonSupplier;

/**
 * Records each call of a {@link dev.fntrace.Traced @Traced} method. Runs outside
 * {@code @Transactional}, so the commit or rollback happens inside the trace. The method
 * returns or throws exactly what it would without fntrace; a call that returns a result
 * that completes later (a {@link java.util.concurrent.CompletionStage}, a stream) is
 * finished when it completes.
 */
final class TracedInterceptor implements MethodInterceptor {

	private final Supplier<FnDescriptorResolver> descriptors;

	private final Supplier<TraceRecorder> recorder;

	private final Supplier<TracingFailures> failures;

	/**
	 * Create an interceptor. Its collaborators are looked up on first use, so that the
	 * advisor can be created early without creating them.
	 * @param descriptors resolves the traced functions
	 * @param recorder the recorder
	 * @param failures where fntrace's own failures go
	 */
	TracedInterceptor(Supplier<FnDescriptorResolver> descriptors, Supplier<TraceRecorder> recorder,
			Supplier<TracingFailures> failures) {
		this.descriptors = SingletonSupplier.of(descriptors);
		this.recorder = SingletonSupplier.of(recorder);
		this.failures = SingletonSupplier.of(failures);
	}

	@Override
	public Object invoke(MethodInvocation invocation) throws Throwable {
		TraceRecorder recorder = null;
		TraceBuilder trace = null;
		TraceContext.Slot slot = null;
		try {
			FnDescriptor fn = this.descriptors.get().resolveOn(invocation.getMethod(), invocation.getThis());
			if (fn.recorded()) {
				recorder = this.recorder.get();
				slot = TraceContext.slot();
				trace = recorder.start(fn, slot);
			}
		}
		catch (RuntimeException | LinkageError ex) {
			this.failures.get().record("start a trace", ex);
		}
		if (trace == null) {
			return invocation.proceed();
		}
		return recorder.record(trace, invocation, slot);
	}

}
