package dev.fntrace.capture;

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
	 * Create an advisor.
	 * @param interceptor the interceptor to apply
	 * @param traceHandlers whether to trace every Spring MVC handler method as well
	 */
	public TracedAdvisor(TracedInterceptor interceptor, boolean traceHandlers) {
		super(new TracedPointcut(traceHandlers), interceptor);
		setOrder(DEFAULT_ORDER);
	}

}
