package dev.fntrace.sample;

import tools.jackson.databind.JsonNode;
import dev.fntrace.log.TraceLog;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code fntrace.enabled=false} tracing is off, not the app: the sample starts, and
 * creating a lot, which schedules its close through the {@code FnScheduler}, still works,
 * untraced.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "fntrace.enabled=false")
class TracingDisabledIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext context;

	@Test
	void appRunsAndSchedulesWithTracingOff() throws Exception {
		SampleApi api = new SampleApi(this.port);
		JsonNode lot = api.createLot(SampleApi.ALICE, "Tin robot", 25, 1L);
		assertThat(lot.path("state").asString()).isEqualTo("OPEN");
		long deadline = System.nanoTime() + SampleApi.ASYNC_TIMEOUT.toNanos();
		String state = lot.path("state").asString();
		while (!"CLOSED".equals(state) && System.nanoTime() < deadline) {
			Thread.sleep(SampleApi.POLL_INTERVAL.toMillis());
			state = api.send(SampleApi.ALICE, "GET", "/api/lots/" + lot.path("id").asLong(), null)
				.json()
				.path("state")
				.asString();
		}
		assertThat(state).isEqualTo("CLOSED");
		assertThat(this.context.getBeansOfType(TraceLog.class)).isEmpty();
		assertThat(api.send(SampleApi.ADMIN, "GET", "/actuator/fntraces", null).status()).isEqualTo(404);
	}

}
