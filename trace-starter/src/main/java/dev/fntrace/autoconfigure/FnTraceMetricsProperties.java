package dev.fntrace.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Settings of fntrace's Micrometer meters ({@code fntrace.metrics.*}).
 */
@ConfigurationProperties("fntrace.metrics")
public class FnTraceMetricsProperties implements Validator {

	/**
	 * Whether to publish a timer per function and outcome, the operations per call and
	 * fntrace's own failures to the application's MeterRegistry.
	 */
	private boolean enabled = true;

	/**
	 * How many distinct error codes one function shows in the 'code' tag; later codes are
	 * tagged 'other'.
	 */
	private int maxCodesPerFunction = 20;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getMaxCodesPerFunction() {
		return this.maxCodesPerFunction;
	}

	public void setMaxCodesPerFunction(int maxCodesPerFunction) {
		this.maxCodesPerFunction = maxCodesPerFunction;
	}

	@Override
	public boolean supports(Class<?> type) {
		return FnTraceMetricsProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		FnTraceMetricsProperties properties = (FnTraceMetricsProperties) target;
		if (properties.maxCodesPerFunction < 0 || properties.maxCodesPerFunction > 1000) {
			errors.rejectValue("maxCodesPerFunction", "range", "must be between 0 and 1000");
		}
	}

}
