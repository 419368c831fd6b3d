package dev.fntrace.capture.identity;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Resolves the tenant from a header of the current servlet request, {@code X-Tenant-Id} by default
 * ({@code fntrace.tenant-header}). The value is the client's word: it is cut to
 * {@value #MAX_LENGTH} characters so that a hostile header cannot grow the log.
 */
public final class RequestHeaderTenantIdResolver implements TenantIdResolver {

	static final int MAX_LENGTH = 128;

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
		HttpServletRequest request = CurrentRequest.get();
		String tenant = (request != null) ? request.getHeader(this.headerName) : null;
		if (tenant == null || tenant.isBlank()) {
			return null;
		}
		return (tenant.length() > MAX_LENGTH) ? tenant.substring(0, MAX_LENGTH) : tenant;
	}

}
