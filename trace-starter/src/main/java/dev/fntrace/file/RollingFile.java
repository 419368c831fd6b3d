package dev.fntrace.file;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import org.jspecify.annotations.Nullable;

/**
 * A file of lines that rolls at a size cap: when the next line would take it past the
 * cap, it is renamed to {@code <name>.1} (replacing the one rolled before) and a new file
 * is begun, so the two never hold more than twice the cap. Not thread-safe: one writer
 * uses it.
 */
final class RollingFile {

	private final Path path;

	private final Path rolled;

	private final long maxSize;

	private @Nullable OutputStream out;

	private long size;

	RollingFile(Path path, long maxSize) {
		this.path = path;
		this.rolled = rolledPath(path);
		this.maxSize = maxSize;
	}

	/**
	 * The file a full one is renamed to.
	 * @param path the file
	 * @return the rolled file beside it
	 */
	static Path rolledPath(Path path) {
		return path.resolveSibling(path.getFileName() + ".1");
	}

	/**
	 * Open the file for appending, creating it and its directory if needed.
	 * @throws IOException if it cannot be opened
	 */
	void open() throws IOException {
		Path parent = this.path.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		this.out = new BufferedOutputStream(Files.newOutputStream(this.path, StandardOpenOption.CREATE,
				StandardOpenOption.APPEND, StandardOpenOption.WRITE));
		this.size = Files.size(this.path);
	}

	/**
	 * Append one line, rolling first if it would not fit.
	 * @param line the line, ending with a line break
	 * @throws IOException if it cannot be written
	 */
	void append(byte[] line) throws IOException {
		if (this.out == null) {
			open();
		}
		if (this.size > 0 && this.size + line.length > this.maxSize) {
			roll();
		}
		this.out.write(line);
		this.size += line.length;
	}

	void flush() throws IOException {
		if (this.out != null) {
			this.out.flush();
		}
	}

	void close() throws IOException {
		if (this.out != null) {
			OutputStream closing = this.out;
			this.out = null;
			closing.close();
		}
	}

	private void roll() throws IOException {
		close();
		Files.move(this.path, this.rolled, StandardCopyOption.REPLACE_EXISTING);
		open();
	}

}
