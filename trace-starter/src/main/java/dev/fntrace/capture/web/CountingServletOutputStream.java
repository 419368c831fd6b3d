package dev.fntrace.capture.web;

import java.io.IOException;
import java.nio.ByteBuffer;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;

/**
 * The container's body stream, telling a {@link StreamCountingResponse} what each write
 * and flush moved. Failures of the container's stream reach the caller unchanged; bytes
 * are counted only once the container took them, and a write or flush that fails breaks
 * the response: neither it nor anything after it is counted.
 */
final class CountingServletOutputStream extends ServletOutputStream {

	private final ServletOutputStream delegate;

	private final StreamCountingResponse response;

	CountingServletOutputStream(ServletOutputStream delegate, StreamCountingResponse response) {
		this.delegate = delegate;
		this.response = response;
	}

	@Override
	public void write(int b) throws IOException {
		try {
			this.delegate.write(b);
		}
		catch (IOException | RuntimeException ex) {
			this.response.broken();
			throw ex;
		}
		this.response.written(1);
	}

	@Override
	public void write(byte[] bytes) throws IOException {
		write(bytes, 0, bytes.length);
	}

	@Override
	public void write(byte[] bytes, int offset, int length) throws IOException {
		try {
			this.delegate.write(bytes, offset, length);
		}
		catch (IOException | RuntimeException ex) {
			this.response.broken();
			throw ex;
		}
		this.response.written(length);
	}

	@Override
	public void write(ByteBuffer buffer) throws IOException {
		int length = buffer.remaining();
		try {
			this.delegate.write(buffer);
		}
		catch (IOException | RuntimeException ex) {
			this.response.broken();
			throw ex;
		}
		this.response.written(length - buffer.remaining());
	}

	@Override
	public void flush() throws IOException {
		try {
			this.delegate.flush();
		}
		catch (IOException | RuntimeException ex) {
			this.response.broken();
			throw ex;
		}
		this.response.endChunk();
	}

	@Override
	public void close() throws IOException {
		try {
			this.delegate.close();
		}
		catch (IOException | RuntimeException ex) {
			this.response.broken();
			throw ex;
		}
		this.response.endChunk();
	}

	@Override
	public boolean isReady() {
		return this.delegate.isReady();
	}

	@Override
	public void setWriteListener(WriteListener listener) {
		this.delegate.setWriteListener(listener);
	}

}
