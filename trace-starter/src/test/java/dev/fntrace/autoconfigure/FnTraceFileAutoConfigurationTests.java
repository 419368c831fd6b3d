package dev.fntrace.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;

import dev.fntrace.capture.TracingFailures;
import dev.fntrace.file.TraceFile;
import dev.fntrace.log.TraceLog;
import dev.fntrace.log.TraceQuery;
import dev.fntrace.model.FnTrace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FnTraceFileAutoConfiguration}: off unless a path is set, Jackson 3 or 2, backing
 * off without Jackson, and an application that starts whatever the file does.
 */
class FnTraceFileAutoConfigurationTests {

	@TempDir
	Path dir;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurationTestSupport.ALL)
		.withBean(Greeter.class);

	@Test
	void noFileUnlessAPathIsSet() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(TraceFile.class));
	}

	@Test
	void tracesAreWrittenToTheFileAndReadBackWithJackson3() {
		String path = "fntrace.file.path=" + this.dir.resolve("fntrace.jsonl");
		this.runner.withPropertyValues(path).run((context) -> {
			assertThat(context).hasSingleBean(TraceFile.class)
				.hasSingleBean(FnTraceFileAutoConfiguration.Jackson3TraceFileConfiguration.class);
			AutoConfigurationTestSupport.assertRecordsTracedCalls(context);
		});
		this.runner.withPropertyValues(path)
			.run((context) -> assertThat(newest(context.getBean(TraceLog.class))).extracting(FnTrace::fnName)
				.containsExactly("Greeter.greet"));
	}

	@Test
	void withoutJackson3TheFileIsWrittenWithJackson2() {
		String path = "fntrace.file.path=" + this.dir.resolve("fntrace.jsonl");
		ApplicationContextRunner jackson2 = this.runner.withClassLoader(new FilteredClassLoader("tools.jackson"));
		jackson2.withPropertyValues(path).run((context) -> {
			assertThat(context).hasSingleBean(TraceFile.class)
				.hasSingleBean(FnTraceFileAutoConfiguration.Jackson2TraceFileConfiguration.class)
				.doesNotHaveBean(FnTraceFileAutoConfiguration.Jackson3TraceFileConfiguration.class);
			AutoConfigurationTestSupport.assertRecordsTracedCalls(context);
		});
		jackson2.withPropertyValues(path)
			.run((context) -> assertThat(newest(context.getBean(TraceLog.class))).extracting(FnTrace::fnName)
				.containsExactly("Greeter.greet"));
	}

	@Test
	void withoutJacksonTheFileBacksOffAndTracingGoesOn() {
		this.runner.withPropertyValues("fntrace.file.path=" + this.dir.resolve("fntrace.jsonl"))
			.withClassLoader(new FilteredClassLoader("tools.jackson.databind", "com.fasterxml.jackson.databind"))
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(TraceFile.class);
				AutoConfigurationTestSupport.assertRecordsTracedCalls(context);
			});
	}

	@Test
	void aPathThatCannotBeWrittenIsReportedAndTheApplicationStarts() throws IOException {
		Path notADirectory = Files.writeString(this.dir.resolve("file"), "x");
		this.runner.withPropertyValues("fntrace.file.path=" + notADirectory.resolve("fntrace.jsonl")).run((context) -> {
			assertThat(context).hasNotFailed();
			AutoConfigurationTestSupport.assertRecordsTracedCalls(context);
			context.getBean(TraceFile.class).close();
			assertThat(context.getBean(TracingFailures.class).counts())
				.containsKey("open " + notADirectory.resolve("fntrace.jsonl"));
		});
	}

	@Test
	void maxSizeMustBePositive() {
		this.runner
			.withPropertyValues("fntrace.file.path=" + this.dir.resolve("fntrace.jsonl"), "fntrace.file.max-size=0")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("fntrace.file.maxSize");
			});
	}

	@Test
	void backsOffFromTheApplicationsFile() {
		BiConsumer<String, Throwable> ignored = (where, failure) -> {
		};
		TraceFile own = TraceFile.withJackson3(this.dir.resolve("own.jsonl"), 1000, ignored);
		this.runner.withPropertyValues("fntrace.file.path=" + this.dir.resolve("fntrace.jsonl"))
			.withBean(TraceFile.class, () -> own)
			.run((context) -> assertThat(context.getBean(TraceFile.class)).isSameAs(own));
	}

	private static List<FnTrace> newest(TraceLog log) {
		return log.find(TraceQuery.newest(10));
	}

}
