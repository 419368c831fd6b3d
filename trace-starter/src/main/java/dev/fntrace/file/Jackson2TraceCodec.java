package dev.fntrace.file;

import java.io.IOException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fntrace.model.FnTrace;

/**
 * A {@link TraceCodec} using Jackson 2, for applications without Jackson 3 (Spring Boot
 * 3), with a mapper of its own so that the application's settings do not change the file.
 */
final class Jackson2TraceCodec implements TraceCodec {

	private final ObjectMapper mapper = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

	@Override
	public String write(FnTrace trace) throws IOException {
		return this.mapper.writeValueAsString(trace);
	}

	@Override
	public FnTrace read(String json) throws IOException {
		JsonNode node = this.mapper.readTree(json);
		if (!(node instanceof ObjectNode trace)) {
			throw new IOException("Not a JSON object");
		}
		// a returned value is kept as raw JSON: read it back as its text
		if (trace.get("outcome") instanceof ObjectNode outcome && outcome.has("value")) {
			outcome.put("value", outcome.get("value").toString());
		}
		return this.mapper.treeToValue(trace, FnTrace.class);
	}

}
