package dev.fntrace.shapes.jdbcnojpa;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;

import dev.fntrace.log.TraceLog;
import dev.fntrace.log.TraceQuery;
import dev.fntrace.model.DbOp;
import dev.fntrace.model.FnOutcome;
import dev.fntrace.model.FnTrace;
import dev.fntrace.model.FnType;
import dev.fntrace.model.OpTrace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The starter in a Spring MVC application on plain JDBC, over real HTTP: a traced
 * {@code @Transactional} method's trace holds its SQL operations, and one whose
 * transaction rolls back is {@code rolled_back}. The app has no actuator, so the traces
 * are read from the {@link TraceLog} bean.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JdbcNoJpaShapeTests {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	private int port;

	@Autowired
	private TraceLog traceLog;

	@BeforeEach
	void startWithNoTraces() {
		this.traceLog.clear();
	}

	@Test
	void classpathHasJdbcButNoJpaNoSpringData() {
		assertThat(isPresent("org.springframework.jdbc.core.JdbcTemplate")).isTrue();
		assertThat(isPresent("jakarta.persistence.EntityManager")).isFalse();
		assertThat(isPresent("org.springframework.data.repository.Repository")).isFalse();
	}

	@Test
	void traceOfATransactionalCallHoldsItsSqlOperations() {
		HttpResponse<String> added = send("POST", "/notes", "buy milk");
		assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
		assertThat(added.body()).isEqualTo("1");
		FnTrace trace = onlyTrace("Notes.add");
		assertThat(trace.fnType()).isEqualTo(FnType.MUTATION);
		assertThat(trace.outcome().status()).isEqualTo("ok");
		assertThat(trace.ops()).extracting(OpTrace::op, OpTrace::entity, OpTrace::rowCount, OpTrace::ok)
			.containsExactly(tuple(DbOp.INSERT, "note", 1L, true), tuple(DbOp.QUERY, "note", 1L, true));
		assertThat(trace.ops()).extracting(OpTrace::sql)
			.containsExactly("insert into note (text) values (?)", "select count(*) from note");
	}

	@Test
	void callWhoseTransactionRollsBackIsRolledBack() {
		HttpResponse<String> failed = send("POST", "/notes?fail=true", "buy bread");
		assertThat(failed.statusCode()).isEqualTo(500);
		FnTrace trace = onlyTrace("Notes.addThenFail");
		assertThat(trace.outcome()).isEqualTo(new FnOutcome.RolledBack("IllegalStateException", "Notes are full"));
		assertThat(trace.outcome().status()).isEqualTo("rolled_back");
		assertThat(trace.ops()).extracting(OpTrace::op, OpTrace::entity).containsExactly(tuple(DbOp.INSERT, "note"));
		HttpResponse<String> count = send("GET", "/notes/count", null);
		assertThat(count.body()).as("notes kept after the rollback").isEqualTo("0");
		assertThat(onlyTrace("Notes.count").fnType()).isEqualTo(FnType.QUERY);
	}

	private FnTrace onlyTrace(String fn) {
		List<FnTrace> traces = this.traceLog.find(new TraceQuery(fn, null, null, null, null, 10));
		assertThat(traces).as("traces of %s", fn).hasSize(1);
		return traces.get(0);
	}

	private HttpResponse<String> send(String method, String path, String body) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "text/plain")
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody())
			.build();
		try {
			return this.http.send(request, BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static boolean isPresent(String className) {
		return ClassUtils.isPresent(className, JdbcNoJpaShapeTests.class.getClassLoader());
	}

}
