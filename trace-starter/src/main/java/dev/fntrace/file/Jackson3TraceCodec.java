package dev.fntrace.file;

import dev.fntrace.model.FnTrace;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@link TraceCodec} using Jackson 3, with a mapper of its own so that the
 * application's settings (indenting, naming) do not change the file.
 */
final class Jackson3TraceCodec implements TraceCodec {

	private final JsonMapper mapper = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	@Override
	public String write(FnTrace trace) {
		return this.mapper.writeValueAsString(trace);
	}

	@Override
	public FnTrace read(String json) {
		JsonNode node = this.mapper.readTree(json);
		if (!(node instanceof ObjectNode trace)) {
			throw new IllegalArgumentException("Not a JSON object");
		}
		// a returned value is kept as raw JSON: read it back as its text
		if (trace.get("outcome") instanceof ObjectNode outcome && outcome.has("value")) {
			outcome.put("value", outcome.get("value").toString());
		}
		return this.mapper.treeToValue(trace, FnTrace.class);
	}

}
