package dev.fntrace.capture.identity;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link IdentityText} keeps of a user or tenant id.
 */
class IdentityTextTests {

	@Test
	void plainIdIsKeptAsItIs() {
		assertThat(IdentityText.bounded("acme")).isEqualTo("acme");
		assertThat(IdentityText.fromHeader("acme")).isEqualTo("acme");
	}

	@Test
	void controlCharactersAreRemoved() {
		assertThat(IdentityText.bounded("ac\u0000me\r\n\t\u007f\u0085")).isEqualTo("acme");
	}

	@Test
	void blankIdIsNoId() {
		assertThat(IdentityText.bounded(null)).isNull();
		assertThat(IdentityText.bounded("")).isNull();
		assertThat(IdentityText.bounded("   ")).isNull();
		assertThat(IdentityText.bounded("\r\n\u0000")).isNull();
		assertThat(IdentityText.fromHeader(null)).isNull();
		assertThat(IdentityText.fromHeader(" \u0001 ")).isNull();
	}

	@Test
	void oversizedIdIsCutToTheBound() {
		assertThat(IdentityText.bounded("x".repeat(10_000))).isEqualTo("x".repeat(IdentityText.MAX_LENGTH));
	}

	@Test
	void controlCharactersDoNotCountTowardsTheBound() {
		String id = "\u0000".repeat(500) + "y".repeat(IdentityText.MAX_LENGTH);
		assertThat(IdentityText.bounded(id)).isEqualTo("y".repeat(IdentityText.MAX_LENGTH));
	}

	@Test
	void cutNeverSplitsASurrogatePair() {
		String clef = "\uD834\uDD1E";
		String cut = IdentityText.bounded("a".repeat(IdentityText.MAX_LENGTH - 1) + clef + "b");
		assertThat(cut).isEqualTo("a".repeat(IdentityText.MAX_LENGTH - 1));
		String clefs = IdentityText.bounded(clef.repeat(IdentityText.MAX_LENGTH));
		assertThat(clefs).isEqualTo(clef.repeat(IdentityText.MAX_LENGTH / 2));
		assertThat(clefs.codePoints()).allMatch((codePoint) -> codePoint == 0x1D11E);
	}

	@Test
	void unpairedSurrogateIsRemoved() {
		assertThat(IdentityText.bounded("ab\uD834c\uDD1E")).isEqualTo("abc");
	}

	@Test
	void headerValueIsDecodedAsTheUtf8TheClientSent() {
		for (String tenant : new String[] { "€", "東京", "Łódź", "Zürich", "prix 5 € 𝄞" }) {
			assertThat(IdentityText.fromHeader(asContainerReadsIt(tenant))).isEqualTo(tenant);
		}
	}

	@Test
	void headerValueThatIsNotUtf8IsKeptAsRead() {
		// a client that sent ISO-8859-1: "ü" alone is no UTF-8
		assertThat(IdentityText.fromHeader("Zürich")).isEqualTo("Zürich");
		assertThat(IdentityText.fromHeader("Ã")).isEqualTo("Ã");
	}

	@Test
	void headerValueTheContainerDecodedAlreadyIsKept() {
		assertThat(IdentityText.fromHeader("東京")).isEqualTo("東京");
	}

	@Test
	void oversizedHeaderValueIsCutAfterDecoding() {
		String tenant = "€".repeat(IdentityText.MAX_LENGTH + 10);
		assertThat(IdentityText.fromHeader(asContainerReadsIt(tenant))).isEqualTo("€".repeat(IdentityText.MAX_LENGTH));
	}

	@Test
	void controlCharactersSentAsUtf8AreRemoved() {
		// U+0085 (NEL) is two UTF-8 bytes, C2 85
		assertThat(IdentityText.fromHeader(asContainerReadsIt("Zü\u0085rich\u0000"))).isEqualTo("Zürich");
	}

	/**
	 * The UTF-8 bytes of a value, decoded as ISO-8859-1, as servlet containers decode
	 * header bytes.
	 */
	static String asContainerReadsIt(String value) {
		return new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
	}

}
