package dev.fntrace.capture;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Where fntrace reports its own failures, so that they never reach the traced app: each is counted,
 * and the first of each kind is logged with its stack trace.
 */
public class TracingFailures {

	private static final Log logger = LogFactory.getLog(TracingFailures.class);

	private final AtomicLong count = new AtomicLong();

	private final Set<String> logged = ConcurrentHashMap.newKeySet();

	/**
	 * Record a failure inside fntrace.
	 * @param where what fntrace was doing, such as {@code "finish trace"}
	 * @param failure what went wrong
	 */
	public void record(String where, Throwable failure) {
		this.count.incrementAndGet();
		if (this.logged.size() < 100 && this.logged.add(where + ": " + failure.getClass().getName())) {
			logger.warn("fntrace failed to " + where + "; the traced call is not affected. "
					+ "Further failures of this kind are counted, not logged.", failure);
		}
	}

	/**
	 * How many failures were recorded.
	 * @return the count
	 */
	public long count() {
		return this.count.get();
	}

}
