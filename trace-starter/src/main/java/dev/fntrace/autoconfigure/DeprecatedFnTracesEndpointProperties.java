package dev.fntrace.autoconfigure;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.DeprecatedConfigurationProperty;

/**
 * The endpoint's settings under their first keys, {@code fntrace.endpoint.*}: still read,
 * and used where the {@code management.endpoint.fntraces.*} keys are not set.
 */
@ConfigurationProperties("fntrace.endpoint")
public class DeprecatedFnTracesEndpointProperties {

	private Show showValues;

	private Set<String> roles = new LinkedHashSet<>();

	/**
	 * When to show the values traced functions returned.
	 * @return the policy, or {@code null} when not set
	 */
	@Deprecated(since = "0.1.0")
	@DeprecatedConfigurationProperty(replacement = "management.endpoint.fntraces.show-values", since = "0.1.0")
	public Show getShowValues() {
		return this.showValues;
	}

	@Deprecated(since = "0.1.0")
	public void setShowValues(Show showValues) {
		this.showValues = showValues;
	}

	/**
	 * Roles that may see values when show-values is 'when-authorized'.
	 * @return the roles
	 */
	@Deprecated(since = "0.1.0")
	@DeprecatedConfigurationProperty(replacement = "management.endpoint.fntraces.roles", since = "0.1.0")
	public Set<String> getRoles() {
		return this.roles;
	}

	@Deprecated(since = "0.1.0")
	public void setRoles(Set<String> roles) {
		this.roles = roles;
	}

}
