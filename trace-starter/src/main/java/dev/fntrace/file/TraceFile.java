package dev.fntrace.file;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;

import dev.fntrace.log.TraceLog;
import dev.fntrace.log.TraceSink;
import dev.fntrace.model.FnOutcome;
import dev.fntrace.model.FnTrace;
import dev.fntrace.model.FnType;
import org.jspecify.annotations.Nullable;

/**
 * A {@link TraceSink} that appends every trace as one line of JSON to a file that rolls
 * at a size cap (one rolled file, {@code <name>.1}, is kept), and that reads those files
 * back into a {@link TraceLog} at start-up, so that recent traces survive a restart.
 * <p>
 * The traced call only offers its trace to a bounded queue; one background thread writes
 * the lines. A trace that finds the queue full is dropped and counted, a line that cannot
 * be read back is skipped and counted: both are reported as fntrace failures, never to
 * the application.
 */
public final class TraceFile implements TraceSink, AutoCloseable {

	/** How many traces may wait to be written before further ones are dropped. */
	public static final int DEFAULT_QUEUE_CAPACITY = 4096;

	private static final FnTrace END = new FnTrace("", "", FnType.ACTION, null, null, null, null, 0, 0, FnOutcome.OK,
			List.of(), 0, 0, 0, List.of());

	private static final long CLOSE_TIMEOUT_SECONDS = 10;

	private final Path path;

	private final TraceCodec codec;

	private final BiConsumer<String, Throwable> failures;

	private final RollingFile file;

	private final BlockingQueue<FnTrace> queue;

	private final LongAdder dropped = new LongAdder();

	private final LongAdder badLines = new LongAdder();

	private final Thread writer;

	private volatile boolean closed;

	TraceFile(Path path, long maxSize, TraceCodec codec, int queueCapacity, BiConsumer<String, Throwable> failures) {
		if (maxSize < 1) {
			throw new IllegalArgumentException("maxSize must be positive, was " + maxSize);
		}
		this.path = path;
		this.codec = codec;
		this.failures = failures;
		this.file = new RollingFile(path, maxSize);
		this.queue = new ArrayBlockingQueue<>(queueCapacity);
		this.writer = new Thread(this::writeLines, "fntrace-file-writer");
		this.writer.setDaemon(true);
	}

	/**
	 * Create a trace file written with Jackson 3. Call only when Jackson 3 is present.
	 * @param path the file; its directory is created if needed
	 * @param maxSize the size at which the file rolls, in bytes
	 * @param failures where failures are reported, by what fntrace was doing
	 * @return the trace file, not yet started
	 */
	public static TraceFile withJackson3(Path path, long maxSize, BiConsumer<String, Throwable> failures) {
		return new TraceFile(path, maxSize, new Jackson3TraceCodec(), DEFAULT_QUEUE_CAPACITY, failures);
	}

	/**
	 * Create a trace file written with Jackson 2. Call only when Jackson 2 is present.
	 * @param path the file; its directory is created if needed
	 * @param maxSize the size at which the file rolls, in bytes
	 * @param failures where failures are reported, by what fntrace was doing
	 * @return the trace file, not yet started
	 */
	public static TraceFile withJackson2(Path path, long maxSize, BiConsumer<String, Throwable> failures) {
		return new TraceFile(path, maxSize, new Jackson2TraceCodec(), DEFAULT_QUEUE_CAPACITY, failures);
	}

	/**
	 * Read the traces the files hold into a log, oldest first so the newest ends newest
	 * in the log, and at most as many as the log can hold. Lines that cannot be read are
	 * skipped and counted. Call before {@link #start()}.
	 * @param log the log
	 * @return how many traces were read into the log
	 */
	public int reloadInto(TraceLog log) {
		// only the newest lines are parsed: a full file holds far more than the log
		ArrayDeque<String> newest = new ArrayDeque<>();
		readInto(newest, RollingFile.rolledPath(this.path), log.capacity());
		readInto(newest, this.path, log.capacity());
		int reloaded = 0;
		for (String line : newest) {
			FnTrace trace = readLine(line);
			if (trace != null) {
				log.accept(trace);
				reloaded++;
			}
		}
		return reloaded;
	}

	private void readInto(ArrayDeque<String> newest, Path source, int capacity) {
		// a reader, not Files.newBufferedReader: bytes cut by a crash become U+FFFD
		// rather than end the reading
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(Files.newInputStream(source), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isBlank()) {
					continue;
				}
				newest.addLast(line);
				if (newest.size() > capacity) {
					newest.removeFirst();
				}
			}
		}
		catch (NoSuchFileException ex) {
			// nothing written yet
		}
		catch (IOException | RuntimeException ex) {
			this.failures.accept("read traces from " + source, ex);
		}
	}

	private @Nullable FnTrace readLine(String line) {
		try {
			return this.codec.read(line);
		}
		catch (IOException | RuntimeException ex) {
			this.badLines.increment();
			this.failures.accept("read a trace from " + this.path + " (the line is skipped)", ex);
			return null;
		}
	}

	/**
	 * Open the file and start writing. If it cannot be opened the failure is reported and
	 * opening is tried again with the next trace.
	 */
	public void start() {
		try {
			this.file.open();
		}
		catch (IOException | RuntimeException ex) {
			this.failures.accept("open " + this.path, ex);
		}
		this.writer.start();
	}

	@Override
	public void accept(FnTrace trace) {
		if (this.closed) {
			return;
		}
		if (!this.queue.offer(trace)) {
			this.dropped.increment();
			this.failures.accept("write a trace to " + this.path, QueueFullException.INSTANCE);
		}
	}

	/**
	 * How many traces were dropped because the queue was full.
	 * @return the count
	 */
	public long droppedCount() {
		return this.dropped.sum();
	}

	/**
	 * How many lines could not be read back.
	 * @return the count
	 */
	public long badLineCount() {
		return this.badLines.sum();
	}

	/**
	 * Stop taking traces, write the ones waiting, and close the file.
	 */
	@Override
	public void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		if (!this.writer.isAlive()) {
			return;
		}
		try {
			if (this.queue.offer(END, CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				this.writer.join(TimeUnit.SECONDS.toMillis(CLOSE_TIMEOUT_SECONDS));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void writeLines() {
		try {
			FnTrace trace = this.queue.take();
			while (trace != END) {
				write(trace);
				trace = this.queue.poll();
				if (trace == null) {
					flush();
					trace = this.queue.take();
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			try {
				this.file.close();
			}
			catch (IOException ex) {
				this.failures.accept("close " + this.path, ex);
			}
		}
	}

	private void write(FnTrace trace) {
		try {
			String json = this.codec.write(trace);
			if (json.indexOf('\n') >= 0 || json.indexOf('\r') >= 0) {
				// only whitespace between tokens: JSON strings escape line breaks
				json = json.replace('\n', ' ').replace('\r', ' ');
			}
			this.file.append((json + "\n").getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException | RuntimeException ex) {
			this.failures.accept("write a trace to " + this.path, ex);
			try {
				this.file.close();
			}
			catch (IOException closing) {
				// reopened with the next trace
			}
		}
	}

	private void flush() {
		try {
			this.file.flush();
		}
		catch (IOException ex) {
			this.failures.accept("write a trace to " + this.path, ex);
		}
	}

	/**
	 * A trace found the queue full; thrown by no one, only reported.
	 */
	static final class QueueFullException extends RuntimeException {

		static final QueueFullException INSTANCE = new QueueFullException();

		private QueueFullException() {
			super("The queue of traces to write is full: the trace is dropped", null, false, false);
		}

	}

}
