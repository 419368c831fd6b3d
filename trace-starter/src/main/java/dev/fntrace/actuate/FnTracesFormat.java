package dev.fntrace.actuate;

import java.nio.charset.StandardCharsets;

import org.springframework.boot.actuate.endpoint.ApiVersion;
import org.springframework.boot.actuate.endpoint.Producible;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;

/**
 * What the list operation of the {@link FnTracesEndpoint} produces: JSON in the media
 * types every actuator endpoint answers with, or the trace viewer page for a browser that
 * asks for {@code text/html}. A request that accepts anything gets the latest actuator
 * JSON, as before.
 */
public enum FnTracesFormat implements Producible<FnTracesFormat> {

	/** Plain JSON. */
	JSON(MimeTypeUtils.APPLICATION_JSON),

	/** Actuator JSON, version 2. */
	ACTUATOR_V2(ApiVersion.V2.getProducedMimeType()),

	/** Actuator JSON, version 3: the default. */
	ACTUATOR_V3(ApiVersion.V3.getProducedMimeType()),

	/**
	 * The trace viewer page. Last, so that a browser's {@code Accept} header, which names
	 * {@code text/html} and also {@code *}{@code /*}, selects it.
	 */
	HTML(new MimeType("text", "html", StandardCharsets.UTF_8));

	private final MimeType mimeType;

	FnTracesFormat(MimeType mimeType) {
		this.mimeType = mimeType;
	}

	@Override
	public MimeType getProducedMimeType() {
		return this.mimeType;
	}

	@Override
	public boolean isDefault() {
		return this == ACTUATOR_V3;
	}

}
