package dev.fntrace.capture.jdbc;

import java.util.Set;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.util.function.SingletonSupplier;

/**
 * Wraps every {@link DataSource} bean, except those excluded by name and the targets of
 * scoped proxies (their proxy is wrapped instead), so that statements run inside traced
 * calls become operations of their traces. Without a {@link SqlOpListener} bean it wraps
 * nothing.
 */
public class TracingDataSourcePostProcessor implements BeanPostProcessor {

	private final ObjectProvider<SqlOpListener> listener;

	private final Supplier<Set<String>> excludedBeanNames;

	/**
	 * Create a post-processor.
	 * @param listener the listener, looked up when the first data source appears
	 * @param excludedBeanNames names of data source beans to leave alone, asked once,
	 * when the first data source appears
	 */
	public TracingDataSourcePostProcessor(ObjectProvider<SqlOpListener> listener,
			Supplier<Set<String>> excludedBeanNames) {
		this.listener = listener;
		this.excludedBeanNames = SingletonSupplier.of(() -> Set.copyOf(excludedBeanNames.get()));
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && !TracingDataSources.isWrapped(dataSource)
				&& !ScopedProxyUtils.isScopedTarget(beanName) && !this.excludedBeanNames.get().contains(beanName)) {
			SqlOpListener listener = this.listener.getIfAvailable();
			if (listener != null) {
				return TracingDataSources.wrap(dataSource, beanName, listener);
			}
		}
		return bean;
	}

}
