package dev.fntrace.capture;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Where fntrace reports its own failures, so that they never reach the traced app: each
 * is counted by kind (what fntrace was doing), and the first of each kind and exception
 * type is logged with its stack trace. The counts are shown by the endpoint, so failures
 * are never silent.
 */
public class TracingFailures {

	/**
	 * The kind under which failures are counted once {@value #MAX_KINDS} kinds are known.
	 */
	public static final String OTHER_KIND = "other";

	static final int MAX_KINDS = 100;

	private static final Log logger = LogFactory.getLog(TracingFailures.class);

	private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

	private final Map<String, Boolean> logged = new ConcurrentHashMap<>();

	/**
	 * Record a failure inside fntrace.
	 * @param where what fntrace was doing, such as {@code "finish a trace"}
	 * @param failure what went wrong
	 */
	public void record(String where, Throwable failure) {
		counter(where).increment();
		if (this.logged.size() < MAX_KINDS
				&& this.logged.putIfAbsent(where + ": " + failure.getClass().getName(), Boolean.TRUE) == null) {
			logger.warn("fntrace failed to " + where + "; the traced call is not affected. "
					+ "Further failures of this kind are counted, not logged.", failure);
		}
	}

	private LongAdder counter(String where) {
		LongAdder counter = this.counts.get(where);
		if (counter != null) {
			return counter;
		}
		String kind = (this.counts.size() < MAX_KINDS) ? where : OTHER_KIND;
		return this.counts.computeIfAbsent(kind, (key) -> new LongAdder());
	}

	/**
	 * How many failures were recorded.
	 * @return the count
	 */
	public long count() {
		long total = 0;
		for (LongAdder counter : this.counts.values()) {
			total += counter.sum();
		}
		return total;
	}

	/**
	 * How many failures were recorded, by kind.
	 * @return the counts, sorted by kind
	 */
	public Map<String, Long> counts() {
		Map<String, Long> counts = new TreeMap<>();
		this.counts.forEach((kind, counter) -> counts.put(kind, counter.sum()));
		return counts;
	}

}
