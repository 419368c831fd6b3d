package dev.fntrace.capture.identity;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * What a user or tenant id may be in a trace: text without control characters, never
 * blank, at most {@value #MAX_LENGTH} characters, so that what a client sends can neither
 * corrupt nor grow the log. Header values are read as the UTF-8 that clients send.
 */
final class IdentityText {

	/** The most characters an id keeps. */
	static final int MAX_LENGTH = 128;

	private IdentityText() {
	}

	/**
	 * An id as a trace keeps it: its ISO control characters and unpaired surrogates
	 * removed, cut to {@value #MAX_LENGTH} characters between two code points.
	 * @param text the id as read, or {@code null}
	 * @return the id, or {@code null} if nothing but blanks is left
	 */
	static String bounded(String text) {
		if (text == null) {
			return null;
		}
		StringBuilder kept = new StringBuilder(Math.min(text.length(), MAX_LENGTH));
		for (int i = 0; i < text.length();) {
			int codePoint = text.codePointAt(i);
			int chars = Character.charCount(codePoint);
			i += chars;
			if (Character.isISOControl(codePoint) || Character.getType(codePoint) == Character.SURROGATE) {
				continue;
			}
			if (kept.length() + chars > MAX_LENGTH) {
				break;
			}
			kept.appendCodePoint(codePoint);
		}
		String id = kept.toString();
		return id.isBlank() ? null : id;
	}

	/**
	 * An id sent in a request header, as a trace keeps it. Servlet containers decode
	 * header bytes as ISO-8859-1, while clients send UTF-8: a value whose characters are
	 * such bytes, and form valid UTF-8, is decoded again as UTF-8; any other value is
	 * kept as read.
	 * @param value the header's value as the container decoded it, or {@code null}
	 * @return the id, or {@code null} if there is none
	 * @see #bounded(String)
	 */
	static String fromHeader(String value) {
		return bounded((value != null) ? asUtf8(value) : null);
	}

	private static String asUtf8(String value) {
		boolean ascii = true;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c > 0xFF) {
				return value;
			}
			ascii &= (c < 0x80);
		}
		if (ascii) {
			return value;
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(value.getBytes(StandardCharsets.ISO_8859_1)))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return value;
		}
	}

}
