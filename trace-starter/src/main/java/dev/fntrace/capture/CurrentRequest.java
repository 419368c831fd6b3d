package dev.fntrace.capture;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The servlet request bound to the current thread by Spring MVC, if any: the one place
 * capture reads it. Used only where the servlet API is present.
 */
public final class CurrentRequest {

	private CurrentRequest() {
	}

	/**
	 * The current request.
	 * @return the request, or {@code null} outside a Spring MVC request
	 */
	public static HttpServletRequest get() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		return (attributes instanceof ServletRequestAttributes servlet) ? servlet.getRequest() : null;
	}

	/**
	 * A header of the current request, as the container read it. A wrapper that refuses
	 * to hand the value out (Spring Security's firewall rejects values with control
	 * characters, which is how the container shows UTF-8 bytes such as those of
	 * {@code €}) is passed: the value is read from the requests it wraps, one level down
	 * at a time.
	 * @param name the header's name
	 * @return the header's first value, or {@code null} if there is none, no request, or
	 * no request that hands it out
	 */
	public static String header(String name) {
		ServletRequest request = get();
		while (request instanceof HttpServletRequest http) {
			try {
				return http.getHeader(name);
			}
			catch (RuntimeException ex) {
				request = (request instanceof ServletRequestWrapper wrapper) ? wrapper.getRequest() : null;
			}
		}
		return null;
	}

}
