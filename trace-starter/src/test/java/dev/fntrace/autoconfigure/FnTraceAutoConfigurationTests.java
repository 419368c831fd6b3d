package dev.fntrace.autoconfigure;

import dev.fntrace.capture.OutcomeRules;
import dev.fntrace.capture.TraceRecorder;
import dev.fntrace.capture.TracedAdvisor;
import dev.fntrace.capture.ValueRecorder;
import dev.fntrace.capture.identity.RequestHeaderTenantIdResolver;
import dev.fntrace.capture.identity.SecurityContextUserIdResolver;
import dev.fntrace.capture.identity.ServletPrincipalUserIdResolver;
import dev.fntrace.capture.identity.TenantIdResolver;
import dev.fntrace.capture.identity.UserIdResolver;
import dev.fntrace.log.InMemoryTraceLog;
import dev.fntrace.log.TraceLog;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FnTraceAutoConfiguration}: its defaults, its back-off to the application's
 * beans, its validation, switching it off, and who called, from what the classpath
 * offers.
 */
class FnTraceAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurationTestSupport.ALL)
		.withBean(Greeter.class);

	@Test
	void recordsTracedCallsIntoAnInMemoryLogByDefault() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(InMemoryTraceLog.class);
			assertThat(context.getBean(TraceLog.class).capacity()).isEqualTo(1000);
			assertThat(context).hasSingleBean(TracedAdvisor.class);
			assertThat(context).hasSingleBean(TraceRecorder.class);
			AutoConfigurationTestSupport.assertRecordsTracedCalls(context);
		});
	}

	@Test
	void capacityIsConfigurable() {
		this.runner.withPropertyValues("fntrace.capacity=25")
			.run((context) -> assertThat(context.getBean(TraceLog.class).capacity()).isEqualTo(25));
	}

	@ParameterizedTest
	@ValueSource(strings = { "fntrace.capacity=0", "fntrace.capacity=-1", "fntrace.capacity=2147483647",
			"fntrace.max-message-length=-1", "fntrace.max-message-length=0", "fntrace.max-ops-per-trace=-1",
			"fntrace.max-schedules-per-trace=-5", "fntrace.max-value-length=0", "fntrace.jdbc.max-sql-length=0",
			"fntrace.jdbc.max-sql-length-per-trace=-1", "fntrace.tenant-header=" })
	void invalidSettingFailsStartupNamingTheProperty(String setting) {
		String property = setting.substring(0, setting.indexOf('='));
		this.runner.withPropertyValues(setting).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(rootMessage(context.getStartupFailure())).contains("fntrace")
				.containsPattern("field '([a-z]+\\.)?" + lastSegment(property) + "'");
		});
	}

	@Test
	void zeroOpsPerTraceIsValid() {
		this.runner.withPropertyValues("fntrace.max-ops-per-trace=0")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void backsOffFromTheApplicationsLog() {
		this.runner.withBean("myLog", TraceLog.class, () -> new InMemoryTraceLog(7)).run((context) -> {
			assertThat(context).hasSingleBean(TraceLog.class);
			assertThat(context.getBean(TraceLog.class).capacity()).isEqualTo(7);
		});
	}

	@Test
	void backsOffFromTheApplicationsResolvers() {
		UserIdResolver users = () -> "u";
		TenantIdResolver tenants = () -> "t";
		this.runner.withBean(UserIdResolver.class, () -> users)
			.withBean(TenantIdResolver.class, () -> tenants)
			.run((context) -> {
				assertThat(context.getBean(UserIdResolver.class)).isSameAs(users);
				assertThat(context.getBean(TenantIdResolver.class)).isSameAs(tenants);
			});
	}

	@Test
	void disabledDefinesNoTracingBeans() {
		this.runner.withPropertyValues("fntrace.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(TraceLog.class);
			assertThat(context).doesNotHaveBean(TracedAdvisor.class);
			assertThat(context.getBean(Greeter.class).greet("bo")).isEqualTo("hello bo");
		});
	}

	@Test
	void userComesFromSpringSecurityWithTheServletPrincipalAsFallback() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(UserIdResolver.class);
			assertThat(context.getBean(UserIdResolver.class)).isInstanceOf(SecurityContextUserIdResolver.class);
			assertThat(context.getBean(TenantIdResolver.class)).isInstanceOf(RequestHeaderTenantIdResolver.class);
		});
	}

	@Test
	void userComesFromTheServletPrincipalWithoutSpringSecurity() {
		this.runner.withClassLoader(new FilteredClassLoader(SecurityContextHolder.class)).run((context) -> {
			assertThat(context.getBean(UserIdResolver.class)).isInstanceOf(ServletPrincipalUserIdResolver.class);
			AutoConfigurationTestSupport.assertRecordsTracedCalls(context);
		});
	}

	@Test
	void userComesFromSpringSecurityAloneWithoutAServletApi() {
		this.runner.withClassLoader(new FilteredClassLoader(HttpServletRequest.class)).run((context) -> {
			assertThat(context.getBean(UserIdResolver.class)).isInstanceOf(SecurityContextUserIdResolver.class);
			assertThat(context.getBean(TenantIdResolver.class).resolveTenantId()).isNull();
			AutoConfigurationTestSupport.assertRecordsTracedCalls(context);
		});
	}

	@Test
	void nobodyIsKnownWithoutServletApiOrSpringSecurity() {
		this.runner.withClassLoader(new FilteredClassLoader(HttpServletRequest.class, SecurityContextHolder.class))
			.run((context) -> {
				assertThat(context).hasSingleBean(UserIdResolver.class);
				assertThat(context.getBean(UserIdResolver.class).resolveUserId()).isNull();
				assertThat(context.getBean(TenantIdResolver.class).resolveTenantId()).isNull();
				AutoConfigurationTestSupport.assertRecordsTracedCalls(context);
			});
	}

	@Test
	void valuesAreRecordedWithJacksonWhenEnabled() {
		this.runner.withPropertyValues("fntrace.record-values=true")
			.run((context) -> assertThat(context).hasSingleBean(ValueRecorder.class));
	}

	@Test
	void valuesAreNotRecordedByDefault() {
		this.runner.run((context) -> {
			assertThat(context).doesNotHaveBean(ValueRecorder.class);
			assertThat(context).hasSingleBean(OutcomeRules.class);
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "org.springframework.transaction", "org.springframework.jdbc",
			"org.springframework.web.servlet", "jakarta.servlet", "org.springframework.security",
			"org.springframework.data", "tools.jackson.databind", "com.fasterxml.jackson.databind",
			"org.springframework.boot.actuate" })
	void startsAndRecordsWithAnOptionalLibraryHidden(String hiddenPackage) {
		this.runner.withClassLoader(new FilteredClassLoader(hiddenPackage))
			.withPropertyValues("fntrace.record-values=true", "management.endpoints.web.exposure.include=fntraces")
			.run(AutoConfigurationTestSupport::assertRecordsTracedCalls);
	}

	private static String rootMessage(Throwable failure) {
		StringBuilder messages = new StringBuilder();
		for (Throwable current = failure; current != null; current = current.getCause()) {
			messages.append(current.getMessage()).append('\n');
		}
		return messages.toString();
	}

	private static String lastSegment(String property) {
		String last = property.substring(property.lastIndexOf('.') + 1);
		StringBuilder camel = new StringBuilder();
		boolean upper = false;
		for (char c : last.toCharArray()) {
			if (c == '-') {
				upper = true;
			}
			else {
				camel.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return camel.toString();
	}

}
