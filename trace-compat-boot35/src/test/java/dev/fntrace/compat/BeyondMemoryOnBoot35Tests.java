package dev.fntrace.compat;

import java.nio.file.Path;

import dev.fntrace.Traced;
import dev.fntrace.autoconfigure.FnTraceAutoConfiguration;
import dev.fntrace.autoconfigure.FnTraceFileAutoConfiguration;
import dev.fntrace.autoconfigure.FnTraceLoggingAutoConfiguration;
import dev.fntrace.file.TraceFile;
import dev.fntrace.log.TraceLog;
import dev.fntrace.log.TraceQuery;
import dev.fntrace.logging.CallLogger;
import dev.fntrace.model.FnOutcome;
import dev.fntrace.model.FnTrace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trace file and the call log lines on Spring Boot 3.5, which has Jackson 2 only.
 */
class BeyondMemoryOnBoot35Tests {

	@TempDir
	Path dir;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, JacksonAutoConfiguration.class,
				FnTraceAutoConfiguration.class, FnTraceFileAutoConfiguration.class,
				FnTraceLoggingAutoConfiguration.class))
		.withBean(Kites.class);

	@Test
	void tracesWrittenWithJackson2AreReadBackAfterARestart() {
		ApplicationContextRunner withFile = this.runner.withPropertyValues("fntrace.record-values=true",
				"fntrace.file.path=" + this.dir.resolve("fntrace.jsonl"));
		FnTrace[] first = new FnTrace[1];
		withFile.run((context) -> {
			assertThat(context).hasSingleBean(TraceFile.class);
			context.getBean(Kites.class).kite(7);
			first[0] = context.getBean(TraceLog.class).find(TraceQuery.newest(1)).get(0);
		});
		assertThat(first[0].outcome()).isEqualTo(new FnOutcome.Ok("{\"id\":7,\"name\":\"kite\"}"));
		withFile.run((context) -> assertThat(context.getBean(TraceLog.class).find(TraceQuery.newest(10)))
			.containsExactly(first[0]));
	}

	@Test
	void callLogLinesAreWrittenWithSlf4j() {
		this.runner.withPropertyValues("fntrace.logging.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(CallLogger.class));
	}

	static class Kites {

		@Traced
		public ThingView kite(long id) {
			return new ThingView(id, "kite");
		}

	}

}
