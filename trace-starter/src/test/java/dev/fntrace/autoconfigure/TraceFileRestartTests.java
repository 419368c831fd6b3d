package dev.fntrace.autoconfigure;

import java.nio.file.Path;
import java.util.List;

import dev.fntrace.Traced;
import dev.fntrace.actuate.FnTracesEndpoint;
import dev.fntrace.actuate.FnTracesEndpoint.TracedCall;
import dev.fntrace.log.TraceLog;
import dev.fntrace.log.TraceQuery;
import dev.fntrace.model.FnOutcome;
import dev.fntrace.model.FnTrace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * An application with {@code fntrace.file.path} set finds the traces of its previous run
 * in its log and endpoint after a restart.
 */
class TraceFileRestartTests {

	@TempDir
	Path dir;

	@Test
	void tracesOfThePreviousRunAreServedAfterARestart() {
		List<FnTrace> firstRun;
		FnTrace secondRun;
		try (ConfigurableApplicationContext context = run()) {
			Bids bids = context.getBean(Bids.class);
			bids.placeBid(5);
			assertThatIllegalStateException().isThrownBy(() -> bids.placeBid(-1));
			bids.placeBid(7);
			firstRun = context.getBean(TraceLog.class).find(TraceQuery.newest(10));
		}
		assertThat(firstRun).hasSize(3);
		try (ConfigurableApplicationContext context = run()) {
			TraceLog log = context.getBean(TraceLog.class);
			assertThat(log.find(TraceQuery.newest(10))).containsExactlyElementsOf(firstRun);
			assertThat(firstRun.get(1).outcome()).isInstanceOf(FnOutcome.Errored.class);
			context.getBean(Bids.class).placeBid(9);
			List<TracedCall> served = context.getBean(FnTracesEndpoint.class)
				.traces(null, null, null, null, null, null, SecurityContext.NONE)
				.traces();
			assertThat(served).extracting(TracedCall::trace).hasSize(4).endsWith(firstRun.toArray(FnTrace[]::new));
			secondRun = served.get(0).trace();
		}
		try (ConfigurableApplicationContext context = run("fntrace.capacity=2")) {
			assertThat(context.getBean(TraceLog.class).find(TraceQuery.newest(10))).containsExactly(secondRun,
					firstRun.get(0));
		}
	}

	private ConfigurableApplicationContext run(String... properties) {
		return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
			.properties("fntrace.file.path=" + this.dir.resolve("traces/fntrace.jsonl"),
					"management.endpoints.web.exposure.include=fntraces")
			.properties(properties)
			.run();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ AopAutoConfiguration.class, FnTraceAutoConfiguration.class,
			FnTraceFileAutoConfiguration.class, FnTracesEndpointAutoConfiguration.class })
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
