package dev.fntrace.capture.identity;

import java.security.Principal;

import dev.fntrace.capture.CurrentRequest;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Resolves the user from the current servlet request's {@link Principal}: its name,
 * without control characters and cut to 128 characters. A blank name, or one that cannot
 * be read, is no user.
 */
public final class ServletPrincipalUserIdResolver implements UserIdResolver {

	@Override
	public String resolveUserId() {
		try {
			HttpServletRequest request = CurrentRequest.get();
			Principal principal = (request != null) ? request.getUserPrincipal() : null;
			return (principal != null) ? IdentityText.bounded(principal.getName()) : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
