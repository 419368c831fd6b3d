package dev.fntrace.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.fntrace.sample.SampleApi.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tenant that is not ASCII, sent in {@code X-Tenant-Id} as the UTF-8 that clients send,
 * is traced as typed and found by {@code ?tenant=}, although the container decodes header
 * bytes as ISO-8859-1 and Spring Security's firewall rejects the control characters that
 * this makes of {@code €}, {@code 東京} and {@code Łódź}. The bids are sent over a plain
 * socket, so that the header's bytes on the wire are exactly the value's UTF-8 bytes.
 */
class NonAsciiTenantIntegrationTests extends SampleAppIntegrationTest {

	@LocalServerPort
	private int port;

	@ParameterizedTest
	@ValueSource(strings = { "€", "東京", "Łódź", "Zürich" })
	void bidOfANonAsciiTenantIsTracedWithTheTenantAsTyped(String tenant) {
		long lotId = this.api.createLot(ALICE, "Tin soldier", 10, null).path("id").asLong();

		int status = postBid(lotId, 11, tenant.getBytes(StandardCharsets.UTF_8));
		assertThat(status).isEqualTo(201);

		JsonNode placeBid = onlyBidOf(tenant);
		assertThat(placeBid.path("tenant_id").asString()).isEqualTo(tenant);
		assertThat(placeBid.path("user_id").asString()).isEqualTo("bob");
		assertThat(placeBid.path("outcome").path("status").asString()).isEqualTo("ok");
		assertThat(this.api.lot(ALICE, lotId).path("currentPrice").asLong()).as("the bid took effect").isEqualTo(11);
	}

	@ParameterizedTest
	@ValueSource(strings = { "東", "€x", "ü" })
	void oversizedTenantIsCutTo128Characters(String repeated) {
		long lotId = this.api.createLot(ALICE, "Spinning top", 10, null).path("id").asLong();
		String tenant = repeated.repeat(300);

		int status = postBid(lotId, 11, tenant.getBytes(StandardCharsets.UTF_8));
		assertThat(status).isEqualTo(201);

		String kept = tenant.substring(0, 128);
		assertThat(onlyBidOf(kept).path("tenant_id").asString()).isEqualTo(kept);
	}

	private JsonNode onlyBidOf(String tenant) {
		List<JsonNode> bids = this.api
			.traces("fn=placeBid&tenant=" + URLEncoder.encode(tenant, StandardCharsets.UTF_8));
		assertThat(bids).as("placeBid traces of tenant %s", tenant).hasSize(1);
		return bids.get(0);
	}

	/**
	 * Place a bid as bob, sending the tenant header's bytes as given.
	 * @return the response's status
	 */
	private int postBid(long lotId, long amount, byte[] tenant) {
		byte[] body = ("{\"amount\":" + amount + "}").getBytes(StandardCharsets.UTF_8);
		String credentials = Base64.getEncoder().encodeToString("bob:password".getBytes(StandardCharsets.UTF_8));
		String head = "POST /api/lots/" + lotId + "/bids HTTP/1.1\r\n" + "Host: localhost:" + this.port + "\r\n"
				+ "Authorization: Basic " + credentials + "\r\n" + "Accept: application/json\r\n"
				+ "Content-Type: application/json\r\n" + "Content-Length: " + body.length + "\r\n"
				+ "Connection: close\r\n" + "X-Tenant-Id: ";
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout((int) SampleApi.ASYNC_TIMEOUT.toMillis());
			OutputStream out = socket.getOutputStream();
			out.write(head.getBytes(StandardCharsets.US_ASCII));
			out.write(tenant);
			out.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			out.write(body);
			out.flush();
			InputStream in = socket.getInputStream();
			String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			assertThat(response).as("the response").startsWith("HTTP/1.1 ");
			return Integer.parseInt(response.substring(9, 12));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
