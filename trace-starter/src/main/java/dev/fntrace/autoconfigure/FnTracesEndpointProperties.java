package dev.fntrace.autoconfigure;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the {@code fntraces} actuator endpoint, under
 * {@code management.endpoint.fntraces.*} where Spring Boot users look for an endpoint's
 * settings.
 */
@ConfigurationProperties("management.endpoint.fntraces")
public class FnTracesEndpointProperties {

	/**
	 * When to show the values traced functions returned (recorded only with
	 * fntrace.record-values=true). Default: never.
	 */
	private Show showValues;

	/**
	 * Roles that may see values when show-values is 'when-authorized'; empty means any
	 * authenticated user.
	 */
	private Set<String> roles = new LinkedHashSet<>();

	/**
	 * Address of a distributed trace in the tracing system's UI, with '{traceId}' where
	 * the trace id goes, for example 'http://localhost:9411/zipkin/traces/{traceId}'.
	 * When set (http or https only), the trace viewer links each call's trace id there.
	 */
	private String traceLink;

	public String getTraceLink() {
		return this.traceLink;
	}

	public void setTraceLink(String traceLink) {
		this.traceLink = traceLink;
	}

	public Show getShowValues() {
		return this.showValues;
	}

	public void setShowValues(Show showValues) {
		this.showValues = showValues;
	}

	public Set<String> getRoles() {
		return this.roles;
	}

	public void setRoles(Set<String> roles) {
		this.roles = roles;
	}

}
