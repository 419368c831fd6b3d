package dev.fntrace.actuate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * The trace viewer page: one HTML document with its style sheet and script inlined, so
 * that it is served by the endpoint's own operation, behind the endpoint's own security,
 * on any management port and base path, and needs nothing from outside the starter jar.
 * Read once, when first asked.
 */
final class FnTracesPage {

	private static final String LOCATION = "META-INF/fntrace/";

	private final @Nullable String traceLink;

	private volatile byte[] html;

	FnTracesPage(@Nullable String traceLink) {
		this.traceLink = (traceLink != null && (traceLink.startsWith("http://") || traceLink.startsWith("https://")))
				? traceLink : null;
	}

	byte[] html() {
		byte[] html = this.html;
		if (html == null) {
			String page = read("fntraces.html").replace("/*fntraces.css*/", read("fntraces.css"))
				.replace("/*fntraces.js*/", read("fntraces.js"));
			if (this.traceLink != null) {
				page = page.replace("<body>", "<body data-trace-link=\"" + escape(this.traceLink) + "\">");
			}
			html = page.getBytes(StandardCharsets.UTF_8);
			this.html = html;
		}
		return html;
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
	}

	private static String read(String name) {
		ClassLoader classLoader = FnTracesPage.class.getClassLoader();
		try (InputStream input = classLoader.getResourceAsStream(LOCATION + name)) {
			if (input == null) {
				throw new IllegalStateException("The trace viewer's " + LOCATION + name + " is missing");
			}
			return new String(input.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
