package dev.fntrace.sample;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stream of server-sent events as a client reads it: frame by frame (an event or a
 * comment, ended by a blank line), counting every byte and frame it read. Reads wait at
 * most {@link SampleApi#ASYNC_TIMEOUT}; closing the stream disconnects the client.
 */
final class EventStream implements AutoCloseable {

	private final HttpResponse<InputStream> response;

	private final InputStream body;

	private final ExecutorService reader = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "event-stream-reader");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicLong bytesRead = new AtomicLong();

	private final AtomicInteger framesRead = new AtomicInteger();

	EventStream(HttpResponse<InputStream> response) {
		this.response = response;
		this.body = response.body();
	}

	int status() {
		return this.response.statusCode();
	}

	String contentType() {
		return this.response.headers().firstValue("Content-Type").orElse("");
	}

	/**
	 * The bytes read so far, SSE framing included.
	 */
	long bytesRead() {
		return this.bytesRead.get();
	}

	/**
	 * The frames read so far: events and comments.
	 */
	int framesRead() {
		return this.framesRead.get();
	}

	/**
	 * Read up to the next event of a name, skipping comments (heartbeats).
	 * @return the event
	 * @throws AssertionError if another event comes first, the stream ends or nothing
	 * comes in time
	 */
	Frame nextEvent(String name) {
		while (true) {
			Frame frame = read();
			if (frame == null) {
				throw new AssertionError("The stream ended before a '" + name + "' event");
			}
			if (!frame.isComment()) {
				if (!name.equals(frame.event())) {
					throw new AssertionError("Expected a '" + name + "' event but read " + frame);
				}
				return frame;
			}
		}
	}

	/**
	 * Read until the server ends the stream.
	 * @return the frames read meanwhile
	 * @throws AssertionError if the stream does not end in time
	 */
	List<Frame> awaitEnd() {
		List<Frame> frames = new ArrayList<>();
		long deadline = System.nanoTime() + SampleApi.ASYNC_TIMEOUT.toNanos();
		for (Frame frame = read(); frame != null; frame = read()) {
			frames.add(frame);
			if (System.nanoTime() - deadline > 0) {
				throw new AssertionError("The stream did not end within " + SampleApi.ASYNC_TIMEOUT + ": " + frames);
			}
		}
		return frames;
	}

	/**
	 * Read the next frame.
	 * @return the frame, or {@code null} if the stream ended
	 */
	private Frame read() {
		Future<Frame> frame = this.reader.submit(this::readFrame);
		try {
			return frame.get(SampleApi.ASYNC_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			frame.cancel(true);
			throw new AssertionError("Nothing read from the stream within " + SampleApi.ASYNC_TIMEOUT);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Reading the stream failed", ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while reading the stream", ex);
		}
	}

	private Frame readFrame() {
		String event = null;
		StringBuilder data = null;
		String comment = null;
		long bytes = 0;
		while (true) {
			ByteArrayOutputStream line = new ByteArrayOutputStream();
			int b;
			try {
				while ((b = this.body.read()) != -1 && b != '\n') {
					line.write(b);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			if (b == -1) {
				// the stream ended; a frame cut short is no frame
				this.bytesRead.addAndGet(line.size());
				return null;
			}
			bytes += line.size() + 1;
			this.bytesRead.addAndGet(line.size() + 1);
			String text = line.toString(StandardCharsets.UTF_8);
			if (text.isEmpty()) {
				if (event == null && data == null && comment == null) {
					continue;
				}
				this.framesRead.incrementAndGet();
				return new Frame(event, (data != null) ? data.toString() : null, comment, bytes);
			}
			int colon = text.indexOf(':');
			String field = (colon >= 0) ? text.substring(0, colon) : text;
			String value = (colon >= 0) ? text.substring(colon + 1) : "";
			value = value.startsWith(" ") ? value.substring(1) : value;
			switch (field) {
				case "" -> comment = value;
				case "event" -> event = value;
				case "data" -> data = (data == null) ? new StringBuilder(value) : data.append('\n').append(value);
				default -> {
					// id, retry: not used by the sample
				}
			}
		}
	}

	/**
	 * Disconnect.
	 */
	@Override
	public void close() {
		try {
			this.body.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			this.reader.shutdownNow();
		}
	}

	/**
	 * An event or a comment, as read.
	 *
	 * @param event the event's name, or {@code null} for a comment or an unnamed event
	 * @param data the event's data, or {@code null}
	 * @param comment the comment, or {@code null}
	 * @param bytes the bytes of the frame, blank line included
	 */
	record Frame(String event, String data, String comment, long bytes) {

		boolean isComment() {
			return this.comment != null && this.event == null && this.data == null;
		}

	}

}
