package dev.fntrace.capture.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static dev.fntrace.capture.identity.IdentityTextTests.asContainerReadsIt;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@link RequestHeaderTenantIdResolver} reads the tenant of the current request.
 */
class RequestHeaderTenantIdResolverTests {

	private final RequestHeaderTenantIdResolver resolver = new RequestHeaderTenantIdResolver("X-Tenant-Id");

	private final MockHttpServletRequest request = new MockHttpServletRequest();

	@AfterEach
	void unbind() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void tenantIsTheHeaderOfTheCurrentRequest() {
		this.request.addHeader("X-Tenant-Id", "acme");
		bind(this.request);
		assertThat(this.resolver.resolveTenantId()).isEqualTo("acme");
	}

	@Test
	void noRequestOrNoHeaderIsNoTenant() {
		assertThat(this.resolver.resolveTenantId()).isNull();
		bind(this.request);
		assertThat(this.resolver.resolveTenantId()).isNull();
	}

	@Test
	void blankHeaderIsNoTenant() {
		this.request.addHeader("X-Tenant-Id", " \t");
		bind(this.request);
		assertThat(this.resolver.resolveTenantId()).isNull();
	}

	@Test
	void nonAsciiTenantIsReadAsTheClientTypedIt() {
		this.request.addHeader("X-Tenant-Id", asContainerReadsIt("Zürich"));
		bind(this.request);
		assertThat(this.resolver.resolveTenantId()).isEqualTo("Zürich");
	}

	@Test
	void headerThatAFirewallRejectsIsReadFromTheRequestItWraps() {
		this.request.addHeader("X-Tenant-Id", asContainerReadsIt("東京"));
		// as Spring Security wraps it: a wrapper that delegates, around the firewall's
		bind(new HttpServletRequestWrapper(new RejectingRequest(this.request)));
		assertThat(this.resolver.resolveTenantId()).isEqualTo("東京");
	}

	@Test
	void headerThatNoRequestHandsOutIsNoTenant() {
		this.request.addHeader("X-Tenant-Id", "acme");
		bind(new RejectingRequest(new RejectingRequest(this.request) {

			@Override
			public jakarta.servlet.ServletRequest getRequest() {
				throw new IllegalStateException("recycled");
			}

		}));
		assertThat(this.resolver.resolveTenantId()).isNull();
	}

	@Test
	void controlCharactersAreRemovedAndAnOversizedTenantIsCut() {
		this.request.addHeader("X-Tenant-Id", "ac\u0000me\u007f" + "x".repeat(1000));
		bind(this.request);
		String tenant = this.resolver.resolveTenantId();
		assertThat(tenant).hasSize(IdentityText.MAX_LENGTH).startsWith("acmexxx");
	}

	private static void bind(HttpServletRequest request) {
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
	}

	/**
	 * Rejects every header, as Spring Security's {@code StrictHttpFirewall} rejects
	 * values with control characters.
	 */
	static class RejectingRequest extends HttpServletRequestWrapper {

		RejectingRequest(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getHeader(String name) {
			throw new IllegalArgumentException("The request was rejected because the header value is not allowed");
		}

	}

}
