package dev.fntrace.shapes.noactuator;

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
import dev.fntrace.model.FnTrace;
import dev.fntrace.model.FnType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter in a Spring MVC application that does not add the actuator starter, over
 * real HTTP: the starter brings no actuator of its own, the app starts, records
 * {@code @Traced} calls into the {@link TraceLog}, and serves no
 * {@code /actuator/fntraces}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NoActuatorShapeTests {

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
	void classpathHasNoActuator() {
		assertThat(isPresent("org.springframework.boot.actuate.endpoint.annotation.Endpoint")).isFalse();
		assertThat(isPresent("org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration"))
			.isFalse();
	}

	@Test
	void tracedCallOfARequestIsRecorded() {
		HttpResponse<String> greeting = send("GET", "/greetings/Ada", "acme");
		assertThat(greeting.statusCode()).isEqualTo(200);
		assertThat(greeting.body()).isEqualTo("Hello, Ada");
		List<FnTrace> traces = this.traceLog.find(new TraceQuery("Greeter.greet", null, null, null, null, 10));
		assertThat(traces).hasSize(1);
		FnTrace trace = traces.get(0);
		assertThat(trace.fnType()).isEqualTo(FnType.ACTION);
		assertThat(trace.outcome().status()).isEqualTo("ok");
		assertThat(trace.tenantId()).isEqualTo("acme");
		assertThat(trace.userId()).isNull();
	}

	@Test
	void fntracesEndpointIsNotServed() {
		HttpResponse<String> greeting = send("GET", "/greetings/Ada", null);
		assertThat(greeting.statusCode()).isEqualTo(200);
		assertThat(send("GET", "/actuator/fntraces", null).statusCode()).isEqualTo(404);
		assertThat(send("GET", "/actuator/fntraces/any-call-id", null).statusCode()).isEqualTo(404);
		assertThat(send("GET", "/actuator", null).statusCode()).isEqualTo(404);
	}

	private static boolean isPresent(String className) {
		return ClassUtils.isPresent(className, NoActuatorShapeTests.class.getClassLoader());
	}

	private HttpResponse<String> send(String method, String path, String tenant) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(10))
			.method(method, HttpRequest.BodyPublishers.noBody());
		if (tenant != null) {
			request.header("X-Tenant-Id", tenant);
		}
		try {
			return this.http.send(request.build(), BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
