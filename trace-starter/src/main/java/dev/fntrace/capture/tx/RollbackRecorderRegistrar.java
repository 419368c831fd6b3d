package dev.fntrace.capture.tx;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.transaction.ConfigurableTransactionManager;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * Adds the {@link RollbackRecorder} to every transaction manager bean that takes
 * listeners, once (Spring Boot may already have added it to the managers it configures).
 */
public class RollbackRecorderRegistrar implements BeanPostProcessor {

	private final ObjectProvider<RollbackRecorder> recorder;

	/**
	 * Create a registrar.
	 * @param recorder the listener, looked up when the first transaction manager appears
	 */
	public RollbackRecorderRegistrar(ObjectProvider<RollbackRecorder> recorder) {
		this.recorder = recorder;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof ConfigurableTransactionManager manager) {
			TransactionExecutionListener listener = this.recorder.getIfAvailable();
			if (listener != null && !manager.getTransactionExecutionListeners().contains(listener)) {
				manager.addListener(listener);
			}
		}
		return bean;
	}

}
