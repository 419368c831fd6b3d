package dev.fntrace.capture;

import org.aopalliance.aop.Advice;

import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.core.Ordered;

/**
 * Applies the {@link TracedInterceptor} to {@link dev.fntrace.Traced @Traced} methods. Ordered
 * before the transaction advisor so that a trace encloses its call's transaction.
 */
public class TracedAdvisor extends AbstractPointcutAdvisor {

	/** The default order: early, outside {@code @Transactional} and most other advice. */
	public static final int DEFAULT_ORDER = Ordered.HIGHEST_PRECEDENCE + 1000;

	private final transient TracedPointcut pointcut;

	private final transient TracedInterceptor interceptor;

	/**
	 * Create an advisor for {@code @Traced} methods.
	 * @param interceptor the interceptor to apply
	 */
	public TracedAdvisor(TracedInterceptor interceptor) {
		this(interceptor, false);
	}

	/**
	 * Create an advisor.
	 * @param interceptor the interceptor to apply
	 * @param traceHandlers whether to trace every Spring MVC handler method as well
	 */
	public TracedAdvisor(TracedInterceptor interceptor, boolean traceHandlers) {
		this.interceptor = interceptor;
		this.pointcut = new TracedPointcut(traceHandlers);
		setOrder(DEFAULT_ORDER);
	}

	@Override
	public Pointcut getPointcut() {
		return this.pointcut;
	}

	@Override
	public Advice getAdvice() {
		return this.interceptor;
	}

}
