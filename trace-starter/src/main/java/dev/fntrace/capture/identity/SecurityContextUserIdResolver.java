package dev.fntrace.capture.identity;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Resolves the user from Spring Security's {@code SecurityContextHolder}: the name of an
 * authenticated, non-anonymous {@link Authentication}; when there is none, asks a
 * fallback. The name loses its control characters and is cut to 128 characters; a blank
 * name, or one that cannot be read, is no user.
 */
public final class SecurityContextUserIdResolver implements UserIdResolver {

	private final UserIdResolver fallback;

	/**
	 * Create a resolver.
	 * @param fallback asked when Spring Security knows no user
	 */
	public SecurityContextUserIdResolver(UserIdResolver fallback) {
		this.fallback = fallback;
	}

	@Override
	public String resolveUserId() {
		try {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication != null && authentication.isAuthenticated()
					&& !(authentication instanceof AnonymousAuthenticationToken)) {
				return IdentityText.bounded(authentication.getName());
			}
			return IdentityText.bounded(this.fallback.resolveUserId());
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
