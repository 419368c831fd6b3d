package dev.fntrace.insight;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.fntrace.model.FnTrace;
import dev.fntrace.model.OpTrace;

/**
 * Finds N+1 queries in one trace: the same statement shape run at least {@code threshold}
 * times by one call. The shape of an operation is its SQL text (kept with {@code ?}
 * placeholders, so the same statement with other parameters has the same shape), or, for
 * an operation without SQL, its kind and entity (the same repository operation on the
 * same entity type).
 * <p>
 * This class is the one definition of N+1 that the endpoint, the page and tests share.
 */
public final class NPlusOneDetector {

	/** The threshold used when none is configured. */
	public static final int DEFAULT_THRESHOLD = 5;

	private final int threshold;

	/**
	 * Create a detector.
	 * @param threshold how many runs of one statement shape in one trace make a finding,
	 * at least 2
	 */
	public NPlusOneDetector(int threshold) {
		if (threshold < 2) {
			throw new IllegalArgumentException("threshold must be at least 2, was " + threshold);
		}
		this.threshold = threshold;
	}

	/**
	 * The threshold of this detector.
	 * @return how many runs of one statement shape make a finding
	 */
	public int threshold() {
		return this.threshold;
	}

	/**
	 * Find the statement shapes a trace ran at least {@link #threshold()} times.
	 * @param trace the trace
	 * @return the findings, most repeated first; empty when there are none
	 */
	public List<NPlusOneFinding> detect(FnTrace trace) {
		List<OpTrace> ops = trace.ops();
		if (ops.size() < this.threshold) {
			return List.of();
		}
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (OpTrace op : ops) {
			counts.merge(shapeOf(op), 1, Integer::sum);
		}
		List<NPlusOneFinding> findings = new ArrayList<>();
		counts.forEach((statement, count) -> {
			if (count >= this.threshold) {
				findings.add(new NPlusOneFinding(statement, count));
			}
		});
		findings.sort(Comparator.comparingInt(NPlusOneFinding::count).reversed());
		return List.copyOf(findings);
	}

	/**
	 * The statement shape of one operation: its SQL text, or its kind and entity when it
	 * ran none.
	 * @param op the operation
	 * @return the shape
	 */
	public static String shapeOf(OpTrace op) {
		if (op.sql() != null) {
			return op.sql();
		}
		return (op.entity() != null) ? op.op().jsonName() + " " + op.entity() : op.op().jsonName();
	}

}
