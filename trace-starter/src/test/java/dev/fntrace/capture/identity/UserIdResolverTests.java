package dev.fntrace.capture.identity;

import java.security.Principal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link SecurityContextUserIdResolver} and {@link ServletPrincipalUserIdResolver}
 * make of the names they find.
 */
class UserIdResolverTests {

	private final MockHttpServletRequest request = new MockHttpServletRequest();

	private final ServletPrincipalUserIdResolver servlet = new ServletPrincipalUserIdResolver();

	private final SecurityContextUserIdResolver security = new SecurityContextUserIdResolver(this.servlet);

	@AfterEach
	void unbind() {
		RequestContextHolder.resetRequestAttributes();
		SecurityContextHolder.clearContext();
	}

	@Test
	void userIsTheAuthenticatedName() {
		authenticate(new TestingAuthenticationToken("alice", "password", "ROLE_USER"));
		assertThat(this.security.resolveUserId()).isEqualTo("alice");
	}

	@Test
	void anonymousUserIsTheServletPrincipal() {
		SecurityContextHolder.getContext()
			.setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
					AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
		principal(() -> "bob");
		assertThat(this.security.resolveUserId()).isEqualTo("bob");
	}

	@Test
	void namesLoseTheirControlCharactersAndAreCut() {
		authenticate(new TestingAuthenticationToken("ali\r\nce\u0000" + "x".repeat(1000), "password", "ROLE_USER"));
		assertThat(this.security.resolveUserId()).hasSize(IdentityText.MAX_LENGTH).startsWith("alicexxx");
		principal(() -> "b\u001bob" + "\uD834\uDD1E".repeat(100));
		// 3 + 62 pairs: one more pair would not fit
		assertThat(this.servlet.resolveUserId()).isEqualTo("bob" + "\uD834\uDD1E".repeat(62));
	}

	@Test
	void blankNameIsNoUser() {
		authenticate(new TestingAuthenticationToken("\t\n", "password", "ROLE_USER"));
		assertThat(this.security.resolveUserId()).isNull();
	}

	@Test
	void nameThatCannotBeReadIsNoUser() {
		authenticate(new TestingAuthenticationToken("alice", "password", "ROLE_USER") {

			@Override
			public String getName() {
				throw new IllegalStateException("no name");
			}

		});
		assertThat(this.security.resolveUserId()).isNull();
		principal(() -> {
			throw new IllegalStateException("no name");
		});
		assertThat(this.servlet.resolveUserId()).isNull();
	}

	@Test
	void fallbackThatFailsIsNoUser() {
		SecurityContextUserIdResolver resolver = new SecurityContextUserIdResolver(() -> {
			throw new IllegalStateException("broken");
		});
		assertThat(resolver.resolveUserId()).isNull();
	}

	private static void authenticate(TestingAuthenticationToken authentication) {
		authentication.setAuthenticated(true);
		SecurityContextHolder.getContext().setAuthentication(authentication);
	}

	private void principal(Principal principal) {
		this.request.setUserPrincipal(principal);
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(this.request));
	}

}
