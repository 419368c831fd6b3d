package dev.fntrace.logging;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import dev.fntrace.Traced;
import dev.fntrace.autoconfigure.FnTraceAutoConfiguration;
import dev.fntrace.autoconfigure.FnTraceLoggingAutoConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Slow and failed calls logged by an application, as Spring Boot's structured logging
 * (ECS, Logstash) and its plain text write them.
 */
@ExtendWith(OutputCaptureExtension.class)
class CallLoggerStructuredLoggingTests {

	private final JsonMapper json = JsonMapper.builder().build();

	private Set<Object> systemProperties;

	@BeforeEach
	void rememberSystemProperties() {
		this.systemProperties = new HashSet<>(System.getProperties().keySet());
	}

	@AfterEach
	void restoreTestLogging() throws Exception {
		// Spring Boot's logging system hands its settings over in system properties
		System.getProperties().keySet().removeIf((key) -> !this.systemProperties.contains(key));
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		context.reset();
		new ContextInitializer(context).autoConfig();
	}

	@Test
	void ecsWritesTheFactsAsNestedFields(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("logging.config=classpath:fntrace-structured-logback.xml",
				"logging.structured.format.console=ecs")) {
			callFailingBid(context);
		}
		JsonNode line = callLine(output);
		assertThat(line.at("/log/level").asString()).isEqualTo("WARN");
		assertThat(line.at("/message").asString()).startsWith("Call placeBid error (IllegalStateException) in ");
		JsonNode fntrace = line.get("fntrace");
		assertThat(fntrace.get("fn_name").asString()).isEqualTo("placeBid");
		assertThat(fntrace.get("fn_type").asString()).isEqualTo("action");
		assertThat(fntrace.get("status").asString()).isEqualTo("error");
		assertThat(fntrace.get("error_code").asString()).isEqualTo("IllegalStateException");
		assertThat(fntrace.get("error_message").asString()).isEqualTo("lot closed");
		assertThat(fntrace.get("ops").asInt()).isZero();
		assertThat(fntrace.get("duration_ms").isNumber()).isTrue();
		assertThat(fntrace.get("call_id").asString()).isNotBlank();
	}

	@Test
	void logstashWritesTheFactsAsDottedFields(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("logging.config=classpath:fntrace-structured-logback.xml",
				"logging.structured.format.console=logstash")) {
			callFailingBid(context);
		}
		JsonNode line = callLine(output);
		assertThat(line.get("level").asString()).isEqualTo("WARN");
		assertThat(line.get("fntrace.fn_name").asString()).isEqualTo("placeBid");
		assertThat(line.get("fntrace.status").asString()).isEqualTo("error");
		assertThat(line.get("fntrace.error_code").asString()).isEqualTo("IllegalStateException");
	}

	@Test
	void plainTextWritesTheMessage(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("logging.level.dev.fntrace.calls=INFO",
				"fntrace.insights.slow-threshold=0")) {
			context.getBean(Bids.class).placeBid(5);
		}
		assertThat(output.getOut())
			.containsPattern("INFO  dev.fntrace.calls - Slow call placeBid ok in [0-9.]+ ms, 0 ops, call ");
	}

	private ConfigurableApplicationContext run(String... properties) {
		return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
			.properties("fntrace.logging.enabled=true")
			.properties(properties)
			.run();
	}

	private static void callFailingBid(ConfigurableApplicationContext context) {
		assertThatIllegalStateException().isThrownBy(() -> context.getBean(Bids.class).placeBid(-1));
	}

	private JsonNode callLine(CapturedOutput output) {
		List<JsonNode> lines = output.getOut()
			.lines()
			.filter((line) -> line.startsWith("{") && line.contains(CallLogger.LOGGER_NAME))
			.map(this.json::readTree)
			.toList();
		assertThat(lines).hasSize(1);
		return lines.get(0);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ AopAutoConfiguration.class, FnTraceAutoConfiguration.class,
			FnTraceLoggingAutoConfiguration.class })
	static class App {

		@Bean
		Bids bids() {
			return new Bids();
		}

	}

	static class Bids {

		@Traced("placeBid")
		public String placeBid(long amount) {
			if (amount < 0) {
				throw new IllegalStateException("lot closed");
			}
			return "placed";
		}

	}

}
