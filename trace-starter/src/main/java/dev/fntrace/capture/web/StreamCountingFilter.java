package dev.fntrace.capture.web;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

import dev.fntrace.capture.TracingFailures;

/**
 * Lets traced calls count what their streams write to the client. Each request's response
 * is wrapped once, and the wrapper is left in a request attribute; it counts nothing
 * until a traced call that returned a stream asks it to, so an untraced request pays for
 * one small object and one attribute. Register it ahead of every filter that wraps the
 * response, for every dispatcher type: later dispatches of the same request pass straight
 * through.
 */
public final class StreamCountingFilter implements Filter {

	private final TracingFailures failures;

	/**
	 * Create a filter.
	 * @param failures where fntrace's own failures go
	 */
	public StreamCountingFilter(TracingFailures failures) {
		this.failures = failures;
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		StreamCountingResponse counting = wrap(request, response);
		if (counting == null) {
			chain.doFilter(request, response);
			return;
		}
		try {
			chain.doFilter(request, counting);
		}
		finally {
			dispatchEnded(request, counting);
		}
	}

	private StreamCountingResponse wrap(ServletRequest request, ServletResponse response) {
		try {
			if (!(response instanceof HttpServletResponse http)
					|| request.getAttribute(StreamCountingResponse.ATTRIBUTE) != null) {
				return null;
			}
			StreamCountingResponse counting = new StreamCountingResponse(http, this.failures);
			request.setAttribute(StreamCountingResponse.ATTRIBUTE, counting);
			return counting;
		}
		catch (RuntimeException ex) {
			this.failures.record("wrap a response to count streamed bytes", ex);
			return null;
		}
	}

	private void dispatchEnded(ServletRequest request, StreamCountingResponse counting) {
		try {
			counting.dispatchEnded(request);
		}
		catch (RuntimeException | LinkageError ex) {
			this.failures.record("finish streamed calls", ex);
		}
	}

}
