package dev.fntrace.capture.web;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The container's body writer, telling a {@link StreamCountingResponse} how many bytes
 * each write becomes in the response's charset and when it is flushed. It buffers nothing
 * of its own, so whatever the container does at the end of the response still reaches the
 * client. A writer hides its failures: each flush asks the container's writer for its
 * error state (which flushes it), and a writer in error breaks the response, so that the
 * chunk that failed and everything after it are not counted.
 */
final class CountingPrintWriter extends PrintWriter {

	private final PrintWriter delegate;

	CountingPrintWriter(PrintWriter delegate, Charset charset, StreamCountingResponse response) {
		super(new CountingWriter(delegate, charset, response));
		this.delegate = delegate;
	}

	@Override
	public boolean checkError() {
		return super.checkError() || this.delegate.checkError();
	}

	/**
	 * Counts the bytes of what passes through: exactly for UTF-8 and single-byte
	 * charsets, by encoding for any other.
	 */
	private static final class CountingWriter extends Writer {

		private final PrintWriter delegate;

		private final StreamCountingResponse response;

		private final boolean utf8;

		private final boolean singleByte;

		private final CharsetEncoder encoder;

		CountingWriter(PrintWriter delegate, Charset charset, StreamCountingResponse response) {
			super(delegate);
			this.delegate = delegate;
			this.response = response;
			this.utf8 = StandardCharsets.UTF_8.equals(charset);
			this.singleByte = StandardCharsets.ISO_8859_1.equals(charset) || StandardCharsets.US_ASCII.equals(charset);
			this.encoder = (this.utf8 || this.singleByte) ? null
					: charset.newEncoder()
						.onMalformedInput(CodingErrorAction.REPLACE)
						.onUnmappableCharacter(CodingErrorAction.REPLACE);
		}

		@Override
		public void write(int c) {
			this.delegate.write(c);
			this.response.written(bytes(String.valueOf((char) c), 0, 1));
		}

		@Override
		public void write(char[] chars, int offset, int length) {
			this.delegate.write(chars, offset, length);
			this.response.written(bytes(CharBuffer.wrap(chars), offset, length));
		}

		@Override
		public void write(String text, int offset, int length) {
			this.delegate.write(text, offset, length);
			this.response.written(bytes(text, offset, length));
		}

		@Override
		public void flush() {
			// checkError() flushes the container's writer, then tells whether it ever
			// failed
			if (this.delegate.checkError()) {
				this.response.broken();
			}
			else {
				this.response.endChunk();
			}
		}

		@Override
		public void close() {
			this.delegate.close();
			this.response.endChunk();
		}

		private long bytes(CharSequence text, int offset, int length) {
			if (this.singleByte) {
				return length;
			}
			if (this.utf8) {
				long bytes = 0;
				for (int i = offset; i < offset + length; i++) {
					char c = text.charAt(i);
					// a surrogate pair is four bytes; count each half as two
					bytes += (c < 0x80) ? 1 : (c < 0x800 || Character.isSurrogate(c)) ? 2 : 3;
				}
				return bytes;
			}
			synchronized (this.encoder) {
				try {
					return this.encoder.reset().encode(CharBuffer.wrap(text, offset, offset + length)).remaining();
				}
				catch (CharacterCodingException ex) {
					return length;
				}
			}
		}

	}

}
