package dev.fntrace.capture.web;

import java.io.IOException;
import java.nio.ByteBuffer;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;

/**
 * The container's body stream, telling a {@link StreamCountingResponse} what each write and flush
 * moved. Failures of the container's stream reach the caller unchanged; bytes are counted only
 * once the container took them.
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
		this.delegate.write(b);
		this.response.written(1);
	}

	@Override
	public void write(byte[] bytes) throws IOException {
		this.delegate.write(bytes);
		this.response.written(bytes.length);
	}

	@Override
	public void write(byte[] bytes, int offset, int length) throws IOException {
		this.delegate.write(bytes, offset, length);
		this.response.written(length);
	}

	@Override
	public void write(ByteBuffer buffer) throws IOException {
		int length = buffer.remaining();
		this.delegate.write(buffer);
		this.response.written(length - buffer.remaining());
	}

	@Override
	public void flush() throws IOException {
		this.delegate.flush();
		this.response.endChunk();
	}

	@Override
	public void close() throws IOException {
		this.delegate.close();
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
