package dev.fntrace.capture.scheduling;

import org.springframework.aop.Advisor;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.AsyncAnnotationAdvisor;

/**
 * Puts the {@link AsyncCallRecordingInterceptor} in front of Spring's {@code @Async}
 * advice on every bean that has it, so that the call is recorded on the caller's thread.
 * Spring adds its {@code @Async} advice first in the chain, hence this post-processor,
 * which runs after Spring's.
 */
public class AsyncCallRecordingPostProcessor implements BeanPostProcessor {

	private final Advisor advisor;

	/**
	 * Create a post-processor.
	 */
	public AsyncCallRecordingPostProcessor() {
		ComposablePointcut pointcut = new ComposablePointcut(new AnnotationMatchingPointcut(Async.class, true))
			.union(AnnotationMatchingPointcut.forMethodAnnotation(Async.class));
		this.advisor = new DefaultPointcutAdvisor(pointcut, new AsyncCallRecordingInterceptor());
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof Advised advised && !advised.isFrozen() && hasAsyncAdvice(advised)
				&& advised.indexOf(this.advisor) < 0) {
			advised.addAdvisor(0, this.advisor);
		}
		return bean;
	}

	private static boolean hasAsyncAdvice(Advised advised) {
		for (Advisor candidate : advised.getAdvisors()) {
			if (candidate instanceof AsyncAnnotationAdvisor) {
				return true;
			}
		}
		return false;
	}

}
