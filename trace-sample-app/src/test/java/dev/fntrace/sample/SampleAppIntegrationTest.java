package dev.fntrace.sample;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The base of the sample's integration tests: the app on a random port (one context
 * shared by every class, see {@link SampleAppTest}), a client for its API, and an empty
 * trace log before each test.
 */
@SampleAppTest
abstract class SampleAppIntegrationTest {

	@LocalServerPort
	private int port;

	/** The sample's HTTP API, as the demo users call it. */
	protected SampleApi api;

	@BeforeEach
	void startWithNoTraces() {
		this.api = new SampleApi(this.port);
		this.api.clearTraces();
	}

}
