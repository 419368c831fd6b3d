package dev.fntrace.capture;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import dev.fntrace.TraceLogReads;
import dev.fntrace.log.TraceLog;
import dev.fntrace.model.DbOp;
import dev.fntrace.model.FnOutcome;
import dev.fntrace.model.FnTrace;
import dev.fntrace.model.FnType;
import dev.fntrace.model.OpTrace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application with no {@code @Traced} anywhere, traced through its Spring MVC handlers
 * over real HTTP when {@code fntrace.web.trace-handlers=true}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "fntrace.web.trace-handlers=true", "spring.datasource.url=jdbc:h2:mem:handlers",
				"spring.sql.init.mode=always", "spring.jpa.hibernate.ddl-auto=none" })
class HandlerTracesTests {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	private int port;

	@Autowired
	private TraceLog log;

	@Autowired
	private JdbcTemplate jdbc;

	@BeforeEach
	void prepare() {
		this.jdbc.execute("create table if not exists note (id bigint auto_increment primary key, body varchar(100))");
		this.log.clear();
	}

	@Test
	void handlerIsTracedWithItsSql() throws Exception {
		assertThat(send("GET", "/notes").statusCode()).isEqualTo(200);
		FnTrace trace = only("NoteController.list");
		assertThat(trace.fnType()).isEqualTo(FnType.ACTION);
		assertThat(trace.outcome()).isEqualTo(FnOutcome.OK);
		assertThat(trace.ops()).extracting(OpTrace::op, OpTrace::entity)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(DbOp.QUERY, "note"));
	}

	@Test
	void transactionalHandlerIsAMutation() throws Exception {
		assertThat(send("POST", "/notes").statusCode()).isEqualTo(200);
		FnTrace trace = only("NoteController.add");
		assertThat(trace.fnType()).isEqualTo(FnType.MUTATION);
		assertThat(trace.ops()).extracting(OpTrace::op).containsExactly(DbOp.INSERT);
	}

	@Test
	void failingHandlerIsAnError() throws Exception {
		assertThat(send("GET", "/notes/boom").statusCode()).isEqualTo(500);
		FnTrace trace = only("NoteController.fail");
		assertThat(trace.outcome()).isEqualTo(new FnOutcome.Errored("IllegalStateException", "boom"));
	}

	private HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.timeout(Duration.ofSeconds(10))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private FnTrace only(String fn) {
		return TraceLogReads.onlyTrace(this.log, fn);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(NoteController.class)
	static class NotesApplication {

	}

	@RestController
	static class NoteController {

		private final JdbcTemplate jdbc;

		NoteController(JdbcTemplate jdbc) {
			this.jdbc = jdbc;
		}

		@GetMapping("/notes")
		List<String> list() {
			return this.jdbc.queryForList("select body from note", String.class);
		}

		@PostMapping("/notes")
		@Transactional
		public int add() {
			return this.jdbc.update("insert into note (body) values (?)", "hello");
		}

		@GetMapping("/notes/{what}")
		String fail(@PathVariable String what) {
			throw new IllegalStateException(what);
		}

	}

}
