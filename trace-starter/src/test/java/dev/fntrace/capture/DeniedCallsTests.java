package dev.fntrace.capture;

import dev.fntrace.TraceLogReads;
import dev.fntrace.Traced;
import dev.fntrace.autoconfigure.FnTraceAutoConfiguration;
import dev.fntrace.log.TraceLog;
import dev.fntrace.model.FnOutcome;
import dev.fntrace.model.FnTrace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A call that fails before its body runs, denied by method security, is still traced: the
 * trace encloses Spring Security's advice.
 */
class DeniedCallsTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, FnTraceAutoConfiguration.class))
		.withUserConfiguration(AppConfiguration.class);

	@AfterEach
	void clearSecurityContext() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void callDeniedByPreAuthorizeIsAnErrorWithItsCodeAndUser() {
		this.runner.run((context) -> {
			SecurityContextHolder.getContext()
				.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("bob", "n/a",
						AuthorityUtils.createAuthorityList("ROLE_USER")));
			assertThatExceptionOfType(AuthorizationDeniedException.class)
				.isThrownBy(() -> context.getBean(Vault.class).open());
			FnTrace trace = TraceLogReads.onlyTrace(context.getBean(TraceLog.class), "Vault.open");
			assertThat(trace.userId()).isEqualTo("bob");
			assertThat(trace.outcome()).isInstanceOf(FnOutcome.Errored.class);
			assertThat(((FnOutcome.Errored) trace.outcome()).code()).isEqualTo("AuthorizationDeniedException");
		});
	}

	@Test
	void callAllowedByPreAuthorizeIsOk() {
		this.runner.run((context) -> {
			SecurityContextHolder.getContext()
				.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("ann", "n/a",
						AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
			assertThat(context.getBean(Vault.class).open()).isEqualTo("open");
			FnTrace trace = TraceLogReads.onlyTrace(context.getBean(TraceLog.class), "Vault.open");
			assertThat(trace.outcome()).isEqualTo(FnOutcome.OK);
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableMethodSecurity
	static class AppConfiguration {

		@Bean
		Vault vault() {
			return new Vault();
		}

	}

	static class Vault {

		@Traced
		@PreAuthorize("hasRole('ADMIN')")
		public String open() {
			return "open";
		}

	}

}
