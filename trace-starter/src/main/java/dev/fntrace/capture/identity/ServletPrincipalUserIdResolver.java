package dev.fntrace.capture.identity;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Resolves the user from the current servlet request's {@link Principal}.
 */
public final class ServletPrincipalUserIdResolver implements UserIdResolver {

	@Override
	public String resolveUserId() {
		HttpServletRequest request = CurrentRequest.get();
		Principal principal = (request != null) ? request.getUserPrincipal() : null;
		return (principal != null) ? principal.getName() : null;
	}

}
