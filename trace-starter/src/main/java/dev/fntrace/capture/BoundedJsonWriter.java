package dev.fntrace.capture;

import java.io.IOException;
import java.io.Writer;

/**
 * A writer that keeps at most a given number of characters and then fails, so that a
 * value is serialised only as far as it will be kept.
 */
final class BoundedJsonWriter extends Writer {

	private final StringBuilder text = new StringBuilder();

	private final int limit;

	private boolean full;

	BoundedJsonWriter(int limit) {
		this.limit = limit;
	}

	@Override
	public void write(char[] buffer, int offset, int length) throws IOException {
		int room = this.limit - this.text.length();
		if (length > room) {
			this.text.append(buffer, offset, Math.max(room, 0));
			this.full = true;
			throw new LimitReachedException();
		}
		this.text.append(buffer, offset, length);
	}

	@Override
	public void write(String string, int offset, int length) throws IOException {
		int room = this.limit - this.text.length();
		if (length > room) {
			this.text.append(string, offset, offset + Math.max(room, 0));
			this.full = true;
			throw new LimitReachedException();
		}
		this.text.append(string, offset, offset + length);
	}

	@Override
	public void flush() {
	}

	@Override
	public void close() {
	}

	/**
	 * Whether the value was longer than the limit.
	 * @return {@code true} if writing stopped at the limit
	 */
	boolean isFull() {
		return this.full;
	}

	/**
	 * What was written.
	 * @return the text, at most the limit's length
	 */
	String text() {
		return this.text.toString();
	}

	private static final class LimitReachedException extends IOException {

		LimitReachedException() {
			super("The value is longer than fntrace keeps", null);
		}

		@Override
		public synchronized Throwable fillInStackTrace() {
			return this;
		}

	}

}
