package dev.fntrace.autoconfigure;

import jakarta.servlet.http.HttpServletRequest;

import dev.fntrace.capture.identity.RequestHeaderTenantIdResolver;
import dev.fntrace.capture.identity.SecurityContextUserIdResolver;
import dev.fntrace.capture.identity.ServletPrincipalUserIdResolver;
import dev.fntrace.capture.identity.TenantIdResolver;
import dev.fntrace.capture.identity.UserIdResolver;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Who called, from what the classpath offers, imported by
 * {@link FnTraceAutoConfiguration} in order: Spring Security first, then the servlet
 * request; each only where its library is present.
 */
final class IdentityConfigurations {

	private IdentityConfigurations() {
	}

	/**
	 * The user from Spring Security, falling back to the servlet request's principal
	 * where there is a servlet API.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SecurityContextHolder.class)
	static class SecurityUserConfiguration {

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass({ HttpServletRequest.class, RequestContextHolder.class })
		static class ServletFallbackConfiguration {

			@Bean
			@ConditionalOnMissingBean
			UserIdResolver fnSecurityServletUserIdResolver() {
				return new SecurityContextUserIdResolver(new ServletPrincipalUserIdResolver());
			}

		}

		@Bean
		@ConditionalOnMissingBean
		UserIdResolver fnSecurityUserIdResolver() {
			return new SecurityContextUserIdResolver(() -> null);
		}

	}

	/**
	 * The user from the servlet request's principal and the tenant from a request header.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ HttpServletRequest.class, RequestContextHolder.class })
	static class ServletIdentityConfiguration {

		@Bean
		@ConditionalOnMissingBean
		UserIdResolver fnServletUserIdResolver() {
			return new ServletPrincipalUserIdResolver();
		}

		@Bean
		@ConditionalOnMissingBean
		TenantIdResolver fnHeaderTenantIdResolver(FnTraceProperties properties) {
			return new RequestHeaderTenantIdResolver(properties.getTenantHeader());
		}

	}

}
