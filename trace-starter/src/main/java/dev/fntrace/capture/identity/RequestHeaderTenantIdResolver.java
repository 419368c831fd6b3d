package dev.fntrace.capture.identity;

import dev.fntrace.capture.CurrentRequest;

/**
 * Resolves the tenant from a header of the current servlet request, {@code X-Tenant-Id}
 * by default ({@code fntrace.tenant-header}). The value is the client's word, read as the
 * UTF-8 that clients send, even when Spring Security's firewall rejects it: its control
 * characters are removed and it is cut to 128 characters, so that a hostile header can
 * neither corrupt nor grow the log. A blank value, or one that cannot be read, is no
 * tenant.
 */
public final class RequestHeaderTenantIdResolver implements TenantIdResolver {

	private final String headerName;

	/**
	 * Create a resolver.
	 * @param headerName the header that carries the tenant id
	 */
	public RequestHeaderTenantIdResolver(String headerName) {
		this.headerName = headerName;
	}

	@Override
	public String resolveTenantId() {
		try {
			return IdentityText.fromHeader(CurrentRequest.header(this.headerName));
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
