package dev.fntrace.capture;

import java.util.function.Supplier;

import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.core.Ordered;

/**
 * Applies the {@link TracedInterceptor} to {@link dev.fntrace.Traced @Traced} methods.
 * Ordered before the transaction advisor so that a trace encloses its call's transaction.
 */
public class TracedAdvisor extends DefaultPointcutAdvisor {

	/** The default order: early, outside {@code @Transactional} and most other advice. */
	public static final int DEFAULT_ORDER = Ordered.HIGHEST_PRECEDENCE + 1000;

	/**
	 * Create an advisor. Its collaborators are looked up on the first traced call, so
	 * that the advisor can be created with the infrastructure beans.
	 * @param descriptors names the functions and decides which are recorded
	 * @param recorder records the calls
	 * @param failures where fntrace's own failures go
	 * @param traceHandlers whether to trace every Spring MVC handler method as well
	 */
	public TracedAdvisor(Supplier<FnDescriptorResolver> descriptors, Supplier<TraceRecorder> recorder,
			Supplier<TracingFailures> failures, boolean traceHandlers) {
		super(new TracedPointcut(traceHandlers), new TracedInterceptor(descriptors, recorder, failures));
		setOrder(DEFAULT_ORDER);
	}

}
