package dev.fntrace.capture.jdbc;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.fntrace.model.DbOp;

/**
 * Classifies SQL statements by verb and main table; results cached in a bounded cache.
 * <p>
 * The verb gives the operation: {@code SELECT}, {@code VALUES} and {@code TABLE} are
 * {@link DbOp#QUERY}, {@code INSERT}, {@code UPDATE} and {@code DELETE} map to their
 * namesakes, and everything else ({@code MERGE}, DDL, {@code CALL}, {@code SET}, ...) is
 * {@link DbOp#OTHER}. The entity is the main table: the first table of the top-level
 * {@code FROM} of a query, or the target of a write or DDL statement, looked through
 * subqueries and common table expressions.
 * <p>
 * Parsing is a single pass: {@link SqlStatementReader} reads the tokens that
 * {@link SqlLexer} produces lazily (skipping comments, string literals and quoted
 * identifiers) and stops as soon as the main table is known. This class caches the
 * results. Thread-safe.
 */
final class SqlClassifier {

	/** Statements longer than this are classified but not cached. */
	static final int MAX_CACHED_LENGTH = 8192;

	private final int maxCacheSize;

	private final ConcurrentMap<String, SqlShape> cache = new ConcurrentHashMap<>();

	private final AtomicInteger cached = new AtomicInteger();

	/**
	 * Create a classifier that caches up to 1024 statements.
	 */
	SqlClassifier() {
		this(1024);
	}

	/**
	 * Create a classifier.
	 * @param cacheSize how many distinct statements to cache at most; {@code 0} disables
	 * caching
	 */
	SqlClassifier(int cacheSize) {
		if (cacheSize < 0) {
			throw new IllegalArgumentException("cacheSize must not be negative");
		}
		this.maxCacheSize = cacheSize;
	}

	/**
	 * Classify a statement. Never throws.
	 * @param sql the statement text, may be {@code null}
	 * @return the statement's shape; {@code (OTHER, null)} for {@code null}, blank or
	 * unrecognised text
	 */
	SqlShape classify(String sql) {
		if (sql == null) {
			return SqlShape.UNKNOWN;
		}
		SqlShape shape = this.cache.get(sql);
		if (shape != null) {
			return shape;
		}
		shape = parse(sql);
		if (sql.length() <= MAX_CACHED_LENGTH) {
			remember(sql, shape);
		}
		return shape;
	}

	/**
	 * The number of cached statements.
	 * @return the cache's size
	 */
	int cacheSize() {
		return this.cache.size();
	}

	private void remember(String sql, SqlShape shape) {
		if (this.cached.get() >= this.maxCacheSize) {
			return;
		}
		// reserve a slot first so that racing threads never overfill the cache
		if (this.cached.incrementAndGet() > this.maxCacheSize) {
			this.cached.decrementAndGet();
			return;
		}
		if (this.cache.putIfAbsent(sql, shape) != null) {
			this.cached.decrementAndGet();
		}
	}

	private static SqlShape parse(String sql) {
		try {
			return new SqlStatementReader(sql).statement(0, 0);
		}
		catch (RuntimeException ex) {
			return SqlShape.UNKNOWN;
		}
	}

}
