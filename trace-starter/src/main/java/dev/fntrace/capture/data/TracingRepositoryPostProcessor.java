package dev.fntrace.capture.data;

import java.util.function.Supplier;

import dev.fntrace.capture.TracingFailures;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.data.repository.core.EntityInformation;
import org.springframework.data.repository.core.RepositoryInformation;
import org.springframework.data.repository.core.support.RepositoryFactoryBeanSupport;
import org.springframework.data.repository.core.support.RepositoryFactoryCustomizer;
import org.springframework.data.repository.core.support.RepositoryFactorySupport;
import org.springframework.util.function.SingletonSupplier;

/**
 * Makes calls of Spring Data repositories inside traced calls operations of their traces,
 * such as {@code get Lot 7} or {@code insert Bid 12}, with the SQL each call ran folded
 * into it. SQL run outside repository calls stays as it is.
 * <p>
 * It customizes every repository factory bean, the way Spring Boot adds its repository
 * metrics, so that each repository proxy gets its own interceptor, which knows the
 * repository's domain type and Spring Data's {@link EntityInformation} for it (what makes
 * an entity new, what its id is) without looking anything up per call. Repositories need
 * no auto-proxying. The interceptor comes first on the proxy, outside Spring Data's own
 * interceptors: a repository call's own transaction, commit and flush included, and its
 * exception translation are inside the operation. Reactive repositories are left alone:
 * their SQL runs after the call returns.
 * <p>
 * The entity information comes from the factory bean
 * ({@link RepositoryFactoryBeanSupport#getEntityInformation()}), the one way to it that
 * Spring Data 3.5 and 4.0 share: the repository factory's own method takes a domain class
 * in 3.5 and the repository's metadata in 4.0. The factory bean knows the repository's
 * metadata before it creates the proxy.
 */
public class TracingRepositoryPostProcessor implements BeanPostProcessor {

	private final Supplier<TracingFailures> failures;

	/**
	 * Create a post-processor.
	 * @param failures where fntrace's own failures go, looked up on first use
	 */
	public TracingRepositoryPostProcessor(Supplier<TracingFailures> failures) {
		this.failures = SingletonSupplier.of(failures);
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof RepositoryFactoryBeanSupport<?, ?, ?> factoryBean) {
			factoryBean
				.addRepositoryFactoryCustomizer(new TracingRepositoryFactoryCustomizer(factoryBean, this.failures));
		}
		return bean;
	}

	private record TracingRepositoryFactoryCustomizer(RepositoryFactoryBeanSupport<?, ?, ?> factoryBean,
			Supplier<TracingFailures> failures) implements RepositoryFactoryCustomizer {

		@Override
		public void customize(RepositoryFactorySupport repositoryFactory) {
			repositoryFactory.addRepositoryProxyPostProcessor(this::addInterceptor);
		}

		private void addInterceptor(ProxyFactory proxy, RepositoryInformation repository) {
			try {
				if (!repository.isReactiveRepository()) {
					EntityInformation<?, ?> entityInformation = this.factoryBean.getEntityInformation();
					proxy.addAdvice(0, new RepositoryOpInterceptor(repository.getDomainType(), repository.getIdType(),
							entityInformation, this.failures));
				}
			}
			catch (RuntimeException | LinkageError ex) {
				this.failures.get().record("trace repository " + repository.getRepositoryInterface().getName(), ex);
			}
		}

	}

}
