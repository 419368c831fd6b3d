package dev.fntrace.sample;

import java.util.Set;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Security of the sample: {@code /api/**} for any signed-in user,
 * {@code /actuator/health} for everyone, every other actuator endpoint (so
 * {@code fntraces}) for role {@code ADMIN} only.
 * <p>
 * API clients sign in with HTTP Basic and get 401 when they do not; browsers get a login
 * form. CSRF protection is off for the API and the actuator, whose clients send no
 * session cookie.
 * <p>
 * <strong>Demo only:</strong> the users {@code alice}, {@code bob} (role {@code USER})
 * and {@code admin} (role {@code ADMIN}) live in memory with the unencoded password
 * {@code password}.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

	private static final String REALM = "fntrace sample";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		RequestMatcher api = PathPatternRequestMatcher.pathPattern("/api/**");
		RequestMatcher actuator = EndpointRequest.toAnyEndpoint();
		BasicAuthenticationEntryPoint basicEntryPoint = new BasicAuthenticationEntryPoint();
		basicEntryPoint.setRealmName(REALM);
		http.authorizeHttpRequests((requests) -> requests.requestMatchers(EndpointRequest.to("health"))
			.permitAll()
			.requestMatchers(actuator)
			.hasRole("ADMIN")
			.requestMatchers("/error")
			.permitAll()
			.requestMatchers(api)
			.authenticated()
			.anyRequest()
			.authenticated())
			.httpBasic((basic) -> basic.realmName(REALM))
			.formLogin(Customizer.withDefaults())
			.requestCache((cache) -> cache.requestCache(browserRequestCache()))
			.csrf((csrf) -> csrf.ignoringRequestMatchers(api, actuator))
			.exceptionHandling((exceptions) -> exceptions.defaultAuthenticationEntryPointFor(basicEntryPoint,
					new AndRequestMatcher(new OrRequestMatcher(api, actuator), new NegatedRequestMatcher(browser()))));
		return http.build();
	}

	/**
	 * Matches requests from a browser page load, which asks for HTML by name; a request
	 * that accepts any type, or sends no {@code Accept} at all (curl, HTTP client
	 * libraries), is not one.
	 */
	private static RequestMatcher browser() {
		MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
		html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
		return html;
	}

	/**
	 * Remembers, for after the login form, only the pages a browser loaded, so that API
	 * clients turned away with 401 get no session.
	 */
	private static RequestCache browserRequestCache() {
		HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
		requestCache.setRequestMatcher(
				new AndRequestMatcher(PathPatternRequestMatcher.pathPattern(HttpMethod.GET, "/**"), browser()));
		return requestCache;
	}

	@Bean
	UserDetailsService userDetailsService() {
		return new InMemoryUserDetailsManager(user("alice", "USER"), user("bob", "USER"), user("admin", "ADMIN"));
	}

	private static UserDetails user(String name, String role) {
		// {noop}: stored unencoded, acceptable for a demo only
		return User.withUsername(name).password("{noop}password").roles(role).build();
	}

}
