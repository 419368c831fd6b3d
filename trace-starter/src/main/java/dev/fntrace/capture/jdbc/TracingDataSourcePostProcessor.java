package dev.fntrace.capture.jdbc;

import java.util.Set;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Wraps every {@link DataSource} bean, except those excluded by name, so that statements run inside
 * traced calls become operations of their traces.
 */
public class TracingDataSourcePostProcessor implements BeanPostProcessor {

	private final ObjectProvider<SqlOpListener> listener;

	private final Set<String> excludedBeanNames;

	/**
	 * Create a post-processor.
	 * @param listener the listener, looked up when the first data source appears
	 * @param excludedBeanNames names of data source beans to leave alone
	 */
	public TracingDataSourcePostProcessor(ObjectProvider<SqlOpListener> listener, Set<String> excludedBeanNames) {
		this.listener = listener;
		this.excludedBeanNames = Set.copyOf(excludedBeanNames);
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && !TracingDataSources.isWrapped(dataSource)
				&& !this.excludedBeanNames.contains(beanName)) {
			return TracingDataSources.wrap(dataSource, beanName, this.listener.getObject());
		}
		return bean;
	}

}
