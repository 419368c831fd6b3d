package dev.fntrace.metrics;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Keeps the {@code code} tag of low cardinality: each function shows its first few
 * distinct error codes, and every later one as {@value #OTHER}.
 */
final class ErrorCodes {

	/** The tag of a call that did not fail. */
	static final String NONE = "none";

	/** The tag of the codes past a function's limit. */
	static final String OTHER = "other";

	private final int maxPerFunction;

	private final ConcurrentMap<String, Set<String>> seen = new ConcurrentHashMap<>();

	ErrorCodes(int maxPerFunction) {
		this.maxPerFunction = maxPerFunction;
	}

	String tag(String fn, String code) {
		if (code == null || code.isEmpty()) {
			return (code == null) ? NONE : OTHER;
		}
		Set<String> codes = this.seen.computeIfAbsent(fn, (key) -> ConcurrentHashMap.newKeySet());
		if (codes.contains(code)) {
			return code;
		}
		synchronized (codes) {
			if (codes.contains(code)) {
				return code;
			}
			if (codes.size() < this.maxPerFunction) {
				codes.add(code);
				return code;
			}
		}
		return OTHER;
	}

}
