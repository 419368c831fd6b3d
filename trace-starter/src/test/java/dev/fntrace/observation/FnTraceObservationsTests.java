package dev.fntrace.observation;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

import dev.fntrace.FnScheduler;
import dev.fntrace.Traced;
import dev.fntrace.autoconfigure.FnTraceAutoConfiguration;
import dev.fntrace.autoconfigure.FnTraceJdbcAutoConfiguration;
import dev.fntrace.autoconfigure.FnTraceObservationAutoConfiguration;
import dev.fntrace.autoconfigure.FnTraceSchedulingAutoConfiguration;
import dev.fntrace.capture.identity.TenantIdResolver;
import dev.fntrace.capture.identity.UserIdResolver;
import dev.fntrace.log.TraceLog;
import dev.fntrace.log.TraceQuery;
import dev.fntrace.model.FnTrace;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.exporter.FinishedSpan;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link FnTraceObservations} with Micrometer's test tracer and with the Brave and
 * OpenTelemetry bridges: each traced call is a span, current while it runs, with its SQL
 * operations as child spans, and its ids in the fntrace trace.
 */
class FnTraceObservationsTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, FnTraceAutoConfiguration.class,
				FnTraceJdbcAutoConfiguration.class, FnTraceSchedulingAutoConfiguration.class,
				FnTraceObservationAutoConfiguration.class))
		.withUserConfiguration(AppConfiguration.class);

	static List<Supplier<Tracers>> tracers() {
		return Tracers.all();
	}

	@ParameterizedTest
	@MethodSource("tracers")
	void eachCallIsASpanNamedAfterTheFunctionAndCurrentWhileItRuns(Supplier<Tracers> setup) {
		Tracers tracers = setup.get();
		run(tracers, (context) -> {
			Lots lots = context.getBean(Lots.class);
			lots.addLot("Vase");
			FnTrace trace = newest(context, "Lots.addLot");
			FinishedSpan span = span(tracers, "Lots.addLot");
			assertThat(lots.spanIdSeenInside()).isEqualTo(span.getSpanId());
			assertThat(trace.traceId()).isEqualTo(span.getTraceId());
			assertThat(trace.spanId()).isEqualTo(span.getSpanId());
			assertThat(span.getTags()).containsEntry("fn", "Lots.addLot")
				.containsEntry("type", "action")
				.containsEntry("outcome", "ok")
				.containsEntry("call_id", trace.callId())
				.containsEntry("tenant", "acme")
				.doesNotContainKey("user");
		});
	}

	@ParameterizedTest
	@MethodSource("tracers")
	void sqlOperationsAreChildSpansAtTheirOwnTimes(Supplier<Tracers> setup) {
		Tracers tracers = setup.get();
		run(tracers, (context) -> {
			context.getBean(Lots.class).addLot("Vase");
			FinishedSpan call = span(tracers, "Lots.addLot");
			List<FinishedSpan> ops = tracers.finished()
				.get()
				.stream()
				.filter((span) -> call.getSpanId().equals(span.getParentId())
						&& span.getTags().containsKey("db.operation"))
				.toList();
			assertThat(ops).extracting(FinishedSpan::getName).containsExactlyInAnyOrder("insert lot", "query lot");
			FinishedSpan insert = ops.stream().filter((op) -> op.getName().equals("insert lot")).findFirst().get();
			FinishedSpan select = ops.stream().filter((op) -> op.getName().equals("query lot")).findFirst().get();
			assertThat(insert.getTags()).containsEntry("db.statement", "insert into lot(name) values (?)")
				.containsEntry("db.ok", "true");
			assertThat(insert.getTraceId()).isEqualTo(call.getTraceId());
			if (tracers.name().equals("simple")) {
				// the test tracer keeps an end given in a unit as microseconds, read as
				// millis
				return;
			}
			assertThat(insert.getEndTimestamp()).isBeforeOrEqualTo(select.getStartTimestamp());
			// the call's start is kept in whole milliseconds
			assertThat(insert.getStartTimestamp()).isAfterOrEqualTo(call.getStartTimestamp().minusMillis(1));
			assertThat(select.getEndTimestamp()).isBeforeOrEqualTo(call.getEndTimestamp());
		});
	}

	@ParameterizedTest
	@MethodSource("tracers")
	void nestedCallsNest(Supplier<Tracers> setup) {
		Tracers tracers = setup.get();
		run(tracers, (context) -> {
			context.getBean(Lots.class).addLot("Vase");
			FinishedSpan outer = span(tracers, "Lots.addLot");
			FinishedSpan inner = span(tracers, "Audit.record");
			assertThat(inner.getParentId()).isEqualTo(outer.getSpanId());
			assertThat(inner.getTraceId()).isEqualTo(outer.getTraceId());
			assertThat(newest(context, "Audit.record").parentCallId())
				.isEqualTo(newest(context, "Lots.addLot").callId());
		});
	}

	@ParameterizedTest
	@MethodSource("tracers")
	void aScheduledRunIsAChildOfTheCallThatScheduledIt(Supplier<Tracers> setup) {
		Tracers tracers = setup.get();
		run(tracers, (context) -> {
			context.getBean(Lots.class).closeLater();
			FinishedSpan scheduling = span(tracers, "Lots.closeLater");
			FinishedSpan audit = awaitSpan(tracers, "Audit.record");
			FinishedSpan run = span(tracers, "closeLot");
			assertThat(run.getParentId()).isEqualTo(scheduling.getSpanId());
			assertThat(run.getTags()).containsEntry("scheduled_by", scheduling.getTags().get("call_id"));
			assertThat(audit.getParentId()).isEqualTo(run.getSpanId());
			assertThat(audit.getTraceId()).isEqualTo(scheduling.getTraceId());
		});
	}

	@ParameterizedTest
	@MethodSource("tracers")
	void aFailedCallCarriesItsOutcomeAndCode(Supplier<Tracers> setup) {
		Tracers tracers = setup.get();
		run(tracers, (context) -> {
			assertThatIllegalStateException().isThrownBy(() -> context.getBean(Lots.class).fail());
			FinishedSpan span = span(tracers, "Lots.fail");
			assertThat(span.getTags()).containsEntry("outcome", "error").containsEntry("code", "IllegalStateException");
		});
	}

	@ParameterizedTest
	@MethodSource("tracers")
	void theUserIsOnTheSpanOnlyWhenValuesAreAlwaysShown(Supplier<Tracers> setup) {
		Tracers tracers = setup.get();
		this.runner.withBean(ObservationRegistry.class, tracers::registry)
			.withBean(Tracer.class, tracers::tracer)
			.withPropertyValues("management.endpoint.fntraces.show-values=always")
			.run((context) -> {
				context.getBean(Lots.class).addLot("Vase");
				assertThat(span(tracers, "Lots.addLot").getTags()).containsEntry("user", "ann");
			});
	}

	private void run(Tracers tracers, ContextCheck check) {
		this.runner.withBean(ObservationRegistry.class, tracers::registry)
			.withBean(Tracer.class, tracers::tracer)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				check.accept(context);
			});
	}

	private static FnTrace newest(AssertableApplicationContext context, String fn) {
		return context.getBean(TraceLog.class)
			.find(new TraceQuery(fn, null, null, null, null, 1))
			.stream()
			.findFirst()
			.orElseThrow();
	}

	private static FinishedSpan awaitSpan(Tracers tracers, String name) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() - deadline < 0
				&& tracers.finished().get().stream().noneMatch((span) -> name.equalsIgnoreCase(span.getName()))) {
			Thread.sleep(20);
		}
		return span(tracers, name);
	}

	private static FinishedSpan span(Tracers tracers, String name) {
		List<FinishedSpan> spans = tracers.finished()
			.get()
			.stream()
			.filter((span) -> name.equalsIgnoreCase(span.getName()))
			.toList();
		assertThat(spans).as("spans named %s among %s", name, tracers.finished().get()).hasSize(1);
		return spans.get(0);
	}

	@FunctionalInterface
	interface ContextCheck {

		void accept(AssertableApplicationContext context) throws Exception;

	}

	@Configuration(proxyBeanMethods = false)
	static class AppConfiguration {

		@Bean
		DataSource dataSource() {
			return new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2).generateUniqueName(true).build();
		}

		@Bean
		UserIdResolver userIdResolver() {
			return () -> "ann";
		}

		@Bean
		TenantIdResolver tenantIdResolver() {
			return () -> "acme";
		}

		@Bean
		Audit audit() {
			return new Audit();
		}

		@Bean
		Lots lots(DataSource dataSource, Tracer tracer, Audit audit, FnScheduler scheduler) {
			JdbcTemplate jdbc = new JdbcTemplate(dataSource);
			jdbc.execute("create table lot(id int auto_increment primary key, name varchar(50))");
			return new Lots(jdbc, tracer, audit, scheduler);
		}

	}

	static class Audit {

		@Traced
		public void record(String what) {
		}

	}

	static class Lots {

		private final JdbcTemplate jdbc;

		private final Tracer tracer;

		private final Audit audit;

		private final FnScheduler scheduler;

		private volatile String spanIdSeenInside;

		Lots(JdbcTemplate jdbc, Tracer tracer, Audit audit, FnScheduler scheduler) {
			this.jdbc = jdbc;
			this.tracer = tracer;
			this.audit = audit;
			this.scheduler = scheduler;
		}

		@Traced
		public void closeLater() {
			this.scheduler.runAfter(Duration.ofMillis(10), "closeLot", () -> this.audit.record("closed"));
		}

		@Traced
		public int addLot(String name) {
			this.spanIdSeenInside = this.tracer.currentSpan().context().spanId();
			this.jdbc.update("insert into lot(name) values (?)", name);
			this.audit.record(name);
			return this.jdbc.queryForObject("select count(*) from lot where name = ?", Integer.class, name);
		}

		public String spanIdSeenInside() {
			return this.spanIdSeenInside;
		}

		@Traced
		public void fail() {
			throw new IllegalStateException("no lot");
		}

	}

}
