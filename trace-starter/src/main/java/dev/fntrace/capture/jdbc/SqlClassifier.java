package dev.fntrace.capture.jdbc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
 * Parsing is a single pass of a hand-written tokenizer that skips comments, string
 * literals and quoted identifiers, and stops as soon as the main table is known.
 * Thread-safe.
 */
public final class SqlClassifier {

	/** Statements longer than this are classified but not cached. */
	static final int MAX_CACHED_LENGTH = 8192;

	private static final SqlShape UNKNOWN = new SqlShape(DbOp.OTHER, null);

	private final int maxCacheSize;

	private final ConcurrentMap<String, SqlShape> cache = new ConcurrentHashMap<>();

	private final AtomicInteger cached = new AtomicInteger();

	/**
	 * Create a classifier that caches up to 1024 statements.
	 */
	public SqlClassifier() {
		this(1024);
	}

	/**
	 * Create a classifier.
	 * @param cacheSize how many distinct statements to cache at most; {@code 0} disables
	 * caching
	 */
	public SqlClassifier(int cacheSize) {
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
	public SqlShape classify(String sql) {
		if (sql == null) {
			return UNKNOWN;
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
			return new Parser(sql).statement(0, 0);
		}
		catch (RuntimeException ex) {
			return UNKNOWN;
		}
	}

	/**
	 * Recursive-descent reader over the tokens of one statement. It reads only as far as
	 * needed: tokens are produced lazily by {@link Lexer}.
	 */
	private static final class Parser {

		private static final int MAX_DEPTH = 32;

		private static final String[] INSERT_MODIFIERS = { "ignore", "low_priority", "delayed", "high_priority", "all",
				"first", "overwrite" };

		private static final String[] UPDATE_MODIFIERS = { "low_priority", "ignore", "only" };

		private static final String[] DELETE_MODIFIERS = { "low_priority", "quick", "ignore" };

		private static final String[] REPLACE_MODIFIERS = { "low_priority", "delayed" };

		private static final String[] CREATE_MODIFIERS = { "or", "replace", "alter", "temporary", "temp", "global",
				"local", "unlogged", "cached", "memory", "transactional", "force", "noforce", "unique", "materialized",
				"external", "virtual", "recursive", "clustered", "nonclustered" };

		private static final String[] DROP_MODIFIERS = { "temporary", "materialized" };

		private static final String[] ALTER_MODIFIERS = { "materialized" };

		private final Lexer tokens;

		private List<String> cteNames;

		private List<String> cteEntities;

		Parser(String sql) {
			this.tokens = new Lexer(sql);
		}

		SqlShape statement(int i, int depth) {
			if (depth > MAX_DEPTH) {
				return UNKNOWN;
			}
			while (type(i) == Lexer.LPAREN) {
				i++;
			}
			if (type(i) != Lexer.WORD) {
				return UNKNOWN;
			}
			switch (this.tokens.keyword(i)) {
				case "select":
				case "values":
					return new SqlShape(DbOp.QUERY, select(i + 1, depth));
				case "table":
					return new SqlShape(DbOp.QUERY, tableName(i + 1));
				case "with":
					return with(i + 1, depth);
				case "insert":
					return new SqlShape(DbOp.INSERT, insertTarget(i + 1));
				case "update":
					return new SqlShape(DbOp.UPDATE, updateTarget(i + 1));
				case "delete":
					return new SqlShape(DbOp.DELETE, deleteTarget(i + 1));
				case "merge":
					return new SqlShape(DbOp.OTHER, mergeTarget(i + 1));
				case "replace":
				case "upsert":
					return new SqlShape(DbOp.OTHER, replaceTarget(i + 1));
				case "create":
					return new SqlShape(DbOp.OTHER, objectName(skipWords(i + 1, CREATE_MODIFIERS)));
				case "drop":
					return new SqlShape(DbOp.OTHER, objectName(skipWords(i + 1, DROP_MODIFIERS)));
				case "alter":
					return new SqlShape(DbOp.OTHER, objectName(skipWords(i + 1, ALTER_MODIFIERS)));
				case "truncate":
					return new SqlShape(DbOp.OTHER, truncateTarget(i + 1));
				case "call":
					return new SqlShape(DbOp.OTHER, nextValueFor(i + 1) ? plainName(i + 4) : null);
				default:
					return UNKNOWN;
			}
		}

		/**
		 * {@code WITH [RECURSIVE] name [(cols)] AS [NOT] [MATERIALIZED] (body), ... main}.
		 */
		private SqlShape with(int i, int depth) {
			if (isWord(i, "recursive")) {
				i++;
			}
			while (true) {
				if (!isName(i)) {
					return UNKNOWN;
				}
				int nameIndex = i++;
				if (type(i) == Lexer.LPAREN) {
					i = skipGroup(i);
				}
				if (!isWord(i, "as")) {
					return UNKNOWN;
				}
				i++;
				if (isWord(i, "not")) {
					i++;
				}
				if (isWord(i, "materialized")) {
					i++;
				}
				if (type(i) != Lexer.LPAREN) {
					return UNKNOWN;
				}
				String entity = statement(i + 1, depth + 1).entity();
				addCte(this.tokens.identifier(nameIndex), entity);
				i = skipGroup(i);
				if (type(i) != Lexer.COMMA) {
					break;
				}
				i++;
			}
			return statement(i, depth + 1);
		}

		/**
		 * The select list and {@code FROM} of a query, {@code i} just after
		 * {@code SELECT}.
		 */
		private String select(int i, int depth) {
			String sequence = null;
			while (true) {
				int type = type(i);
				if (type == Lexer.EOF || type == Lexer.SEMICOLON || type == Lexer.RPAREN) {
					return sequence;
				}
				if (type == Lexer.LPAREN) {
					if (type(i + 1) == Lexer.STRING && (isWord(i - 1, "nextval") || isWord(i - 1, "currval"))) {
						sequence = this.tokens.sequenceLiteral(i + 1);
					}
					i = skipGroup(i);
					continue;
				}
				if (type == Lexer.WORD) {
					if (isWord(i, "from") && !isDistinctFrom(i)) {
						String table = fromItem(i + 1, depth + 1);
						return (table == null || isDummyTable(table)) ? sequence : table;
					}
					if (nextValueFor(i)) {
						sequence = plainName(i + 3);
						i += 3;
						continue;
					}
					if ((isWord(i, "nextval") || isWord(i, "currval")) && type(i - 1) == Lexer.DOT && isName(i - 2)) {
						sequence = this.tokens.identifier(i - 2);
					}
				}
				i++;
			}
		}

		/**
		 * The first item of a {@code FROM} clause.
		 */
		private String fromItem(int i, int depth) {
			if (depth > MAX_DEPTH) {
				return null;
			}
			while (isWord(i, "lateral") || isWord(i, "only")) {
				i++;
			}
			if (type(i) == Lexer.LPAREN) {
				int j = i + 1;
				while (type(j) == Lexer.LPAREN) {
					j++;
				}
				if (isWord(j, "select") || isWord(j, "with") || isWord(j, "values") || isWord(j, "table")) {
					return statement(j, depth + 1).entity();
				}
				return fromItem(i + 1, depth + 1);
			}
			if (!isName(i) || type(nameEnd(i)) == Lexer.LPAREN) {
				// not a table, or a table function such as generate_series(1, 10)
				return null;
			}
			return tableName(i);
		}

		private String insertTarget(int i) {
			i = skipWords(i, INSERT_MODIFIERS);
			if (isWord(i, "or")) {
				i += 2;
			}
			if (isWord(i, "into") || isWord(i, "table")) {
				i++;
			}
			return tableName(i);
		}

		private String updateTarget(int i) {
			i = skipWords(skipTop(skipWords(i, UPDATE_MODIFIERS)), UPDATE_MODIFIERS);
			return tableName(i);
		}

		private String deleteTarget(int i) {
			i = skipTop(skipWords(i, DELETE_MODIFIERS));
			if (isWord(i, "from")) {
				i++;
			}
			if (isWord(i, "only")) {
				i++;
			}
			return tableName(i);
		}

		private String mergeTarget(int i) {
			i = skipTop(i);
			if (isWord(i, "into")) {
				i++;
			}
			return tableName(i);
		}

		private String replaceTarget(int i) {
			i = skipWords(i, REPLACE_MODIFIERS);
			if (isWord(i, "into")) {
				i++;
			}
			return tableName(i);
		}

		private String truncateTarget(int i) {
			if (isWord(i, "table")) {
				i++;
			}
			i = skipIfExists(i);
			if (isWord(i, "only")) {
				i++;
			}
			return tableName(i);
		}

		/**
		 * The object of {@code CREATE}, {@code DROP} or {@code ALTER}, {@code i} at its
		 * kind.
		 */
		private String objectName(int i) {
			if (isWord(i, "table") || isWord(i, "view") || isWord(i, "sequence")) {
				i = skipIfExists(i + 1);
				if (isWord(i, "only")) {
					i++;
				}
				return plainName(i);
			}
			if (isWord(i, "index")) {
				// the indexed table: CREATE INDEX [CONCURRENTLY] [IF NOT EXISTS] [name]
				// ON t
				for (int j = i + 1;; j++) {
					int type = type(j);
					if (type == Lexer.EOF || type == Lexer.SEMICOLON || type == Lexer.LPAREN) {
						return null;
					}
					if (isWord(j, "on")) {
						return plainName(isWord(j + 1, "only") ? j + 2 : j + 1);
					}
				}
			}
			return null;
		}

		private boolean nextValueFor(int i) {
			return isWord(i, "next") && isWord(i + 1, "value") && isWord(i + 2, "for");
		}

		private boolean isDistinctFrom(int i) {
			// a IS [NOT] DISTINCT FROM b
			return isWord(i - 1, "distinct") && (isWord(i - 2, "is") || isWord(i - 2, "not"));
		}

		private static boolean isDummyTable(String table) {
			return table.equalsIgnoreCase("dual") || table.equalsIgnoreCase("sysdummy1");
		}

		private int skipTop(int i) {
			// SQL Server: TOP (n)
			if (isWord(i, "top") && type(i + 1) == Lexer.LPAREN) {
				return skipGroup(i + 1);
			}
			return i;
		}

		private int skipIfExists(int i) {
			if (isWord(i, "if")) {
				i++;
				if (isWord(i, "not")) {
					i++;
				}
				if (isWord(i, "exists")) {
					i++;
				}
			}
			return i;
		}

		private int skipWords(int i, String[] words) {
			while (isAnyWord(i, words)) {
				i++;
			}
			return i;
		}

		/**
		 * Index just after the balanced group opened at {@code open}.
		 */
		private int skipGroup(int open) {
			int depth = 0;
			for (int i = open;; i++) {
				int type = type(i);
				if (type == Lexer.EOF) {
					return i;
				}
				if (type == Lexer.LPAREN) {
					depth++;
				}
				else if (type == Lexer.RPAREN && --depth == 0) {
					return i + 1;
				}
			}
		}

		/**
		 * Index just after the possibly qualified name starting at {@code i}.
		 */
		private int nameEnd(int i) {
			int end = i + 1;
			while (type(end) == Lexer.DOT) {
				int next = end + 1;
				while (type(next) == Lexer.DOT) {
					// catalog..table
					next++;
				}
				if (!isName(next)) {
					break;
				}
				end = next + 1;
			}
			return end;
		}

		/**
		 * The unqualified name at {@code i}, resolved through the CTEs seen so far.
		 */
		private String tableName(int i) {
			if (!isName(i)) {
				return null;
			}
			int end = nameEnd(i);
			String name = this.tokens.identifier(end - 1);
			return (end == i + 1) ? resolveCte(name) : name;
		}

		/**
		 * The unqualified name at {@code i}, not resolved through CTEs.
		 */
		private String plainName(int i) {
			return isName(i) ? this.tokens.identifier(nameEnd(i) - 1) : null;
		}

		private void addCte(String name, String entity) {
			if (this.cteNames == null) {
				this.cteNames = new ArrayList<>(2);
				this.cteEntities = new ArrayList<>(2);
			}
			this.cteNames.add(name);
			this.cteEntities.add(entity);
		}

		private String resolveCte(String name) {
			if (this.cteNames != null) {
				for (int i = this.cteNames.size() - 1; i >= 0; i--) {
					if (this.cteNames.get(i).equals(name)) {
						return this.cteEntities.get(i);
					}
				}
			}
			return name;
		}

		private int type(int i) {
			return this.tokens.type(i);
		}

		private boolean isName(int i) {
			int type = type(i);
			return type == Lexer.WORD || type == Lexer.QUOTED;
		}

		private boolean isWord(int i, String keyword) {
			return this.tokens.isWord(i, keyword);
		}

		private boolean isAnyWord(int i, String[] keywords) {
			if (type(i) != Lexer.WORD) {
				return false;
			}
			for (String keyword : keywords) {
				if (isWord(i, keyword)) {
					return true;
				}
			}
			return false;
		}

	}

	/**
	 * Lazy SQL tokenizer with random access to the tokens read so far. Skips whitespace,
	 * {@code --} and {@code /* *}{@code /} comments; string literals ({@code '...'},
	 * {@code E'...'}, {@code $tag$...$tag$}) and quoted identifiers ({@code "..."},
	 * {@code `...`}, {@code [...]}) are single tokens.
	 */
	private static final class Lexer {

		static final int EOF = 0;

		static final int WORD = 1;

		static final int QUOTED = 2;

		static final int STRING = 3;

		static final int NUMBER = 4;

		static final int LPAREN = 5;

		static final int RPAREN = 6;

		static final int COMMA = 7;

		static final int DOT = 8;

		static final int SEMICOLON = 9;

		static final int SYMBOL = 10;

		private final String sql;

		private final int length;

		private int pos;

		private boolean done;

		private int count;

		private int[] types = new int[32];

		private int[] starts = new int[32];

		private int[] ends = new int[32];

		Lexer(String sql) {
			this.sql = sql;
			this.length = sql.length();
		}

		int type(int i) {
			if (i < 0) {
				return EOF;
			}
			while (i >= this.count && !this.done) {
				next();
			}
			return (i < this.count) ? this.types[i] : EOF;
		}

		boolean isWord(int i, String keyword) {
			if (type(i) != WORD) {
				return false;
			}
			int start = this.starts[i];
			return this.ends[i] - start == keyword.length()
					&& this.sql.regionMatches(true, start, keyword, 0, keyword.length());
		}

		/**
		 * The lower-cased word at {@code i}, or an empty string for long words.
		 */
		String keyword(int i) {
			int start = this.starts[i];
			int end = this.ends[i];
			return (end - start > 10) ? "" : this.sql.substring(start, end).toLowerCase(Locale.ROOT);
		}

		/**
		 * The identifier at {@code i}: an unquoted word lower-cased, a quoted one
		 * unquoted.
		 */
		String identifier(int i) {
			int start = this.starts[i];
			int end = this.ends[i];
			if (this.types[i] == WORD) {
				return this.sql.substring(start, end).toLowerCase(Locale.ROOT);
			}
			char open = this.sql.charAt(start);
			char close = (open == '[') ? ']' : open;
			return unquote(start, end, close);
		}

		/**
		 * The sequence named by a string literal, as in
		 * {@code nextval('public.lot_seq')}.
		 */
		String sequenceLiteral(int i) {
			String text = unquote(this.starts[i], this.ends[i], '\'');
			String name = text.substring(text.lastIndexOf('.') + 1).trim();
			if (name.length() >= 2 && name.charAt(0) == '"' && name.charAt(name.length() - 1) == '"') {
				return name.substring(1, name.length() - 1).replace("\"\"", "\"");
			}
			return name.toLowerCase(Locale.ROOT);
		}

		private String unquote(int start, int end, char close) {
			int contentEnd = (end - start >= 2 && this.sql.charAt(end - 1) == close) ? end - 1 : end;
			String content = this.sql.substring(start + 1, contentEnd);
			if (content.indexOf(close) < 0) {
				return content;
			}
			String single = String.valueOf(close);
			return content.replace(single + single, single);
		}

		private void next() {
			String s = this.sql;
			int n = this.length;
			int p = skipIgnorable(this.pos);
			if (p >= n) {
				this.pos = n;
				this.done = true;
				return;
			}
			int start = p;
			char c = s.charAt(p);
			int type;
			if (isWordStart(c)) {
				p++;
				while (p < n && isWordPart(s.charAt(p))) {
					p++;
				}
				if (p - start == 1 && (c == 'e' || c == 'E') && p < n && s.charAt(p) == '\'') {
					// PostgreSQL escape string E'...'
					p = endOfString(p, true);
					type = STRING;
					start++;
				}
				else {
					type = WORD;
				}
			}
			else if (c == '\'') {
				p = endOfString(p, false);
				type = STRING;
			}
			else if (c == '"' || c == '`') {
				p = endOfQuoted(p, c);
				type = QUOTED;
			}
			else if (c == '[') {
				p = endOfQuoted(p, ']');
				type = QUOTED;
			}
			else if (c >= '0' && c <= '9') {
				p++;
				while (p < n && (Character.isLetterOrDigit(s.charAt(p)) || s.charAt(p) == '.' || s.charAt(p) == '_')) {
					p++;
				}
				type = NUMBER;
			}
			else if (c == '$') {
				int end = endOfDollarString(p);
				type = (end > 0) ? STRING : SYMBOL;
				p = (end > 0) ? end : p + 1;
			}
			else {
				p++;
				type = switch (c) {
					case '(' -> LPAREN;
					case ')' -> RPAREN;
					case ',' -> COMMA;
					case '.' -> DOT;
					case ';' -> SEMICOLON;
					default -> SYMBOL;
				};
			}
			add(type, start, p);
			this.pos = p;
		}

		private int skipIgnorable(int p) {
			String s = this.sql;
			int n = this.length;
			while (p < n) {
				char c = s.charAt(p);
				if (Character.isWhitespace(c)) {
					p++;
				}
				else if (c == '-' && p + 1 < n && s.charAt(p + 1) == '-') {
					p += 2;
					while (p < n && s.charAt(p) != '\n' && s.charAt(p) != '\r') {
						p++;
					}
				}
				else if (c == '/' && p + 1 < n && s.charAt(p + 1) == '*') {
					int end = s.indexOf("*/", p + 2);
					p = (end < 0) ? n : end + 2;
				}
				else {
					break;
				}
			}
			return p;
		}

		private int endOfString(int p, boolean backslashEscapes) {
			String s = this.sql;
			int n = this.length;
			p++;
			while (p < n) {
				char c = s.charAt(p);
				if (backslashEscapes && c == '\\') {
					p += 2;
				}
				else if (c == '\'') {
					if (p + 1 < n && s.charAt(p + 1) == '\'') {
						p += 2;
					}
					else {
						return p + 1;
					}
				}
				else {
					p++;
				}
			}
			return n;
		}

		private int endOfQuoted(int p, char close) {
			String s = this.sql;
			int n = this.length;
			p++;
			while (p < n) {
				if (s.charAt(p) == close) {
					if (p + 1 < n && s.charAt(p + 1) == close) {
						p += 2;
					}
					else {
						return p + 1;
					}
				}
				else {
					p++;
				}
			}
			return n;
		}

		/**
		 * End of a {@code $tag$...$tag$} string starting at {@code p}, or {@code -1} when
		 * {@code p} starts none (a {@code $1} parameter, say).
		 */
		private int endOfDollarString(int p) {
			String s = this.sql;
			int n = this.length;
			int q = p + 1;
			if (q < n && Character.isDigit(s.charAt(q))) {
				return -1;
			}
			while (q < n && (Character.isLetterOrDigit(s.charAt(q)) || s.charAt(q) == '_')) {
				q++;
			}
			if (q >= n || s.charAt(q) != '$') {
				return -1;
			}
			String tag = s.substring(p, q + 1);
			int close = s.indexOf(tag, q + 1);
			return (close < 0) ? n : close + tag.length();
		}

		private void add(int type, int start, int end) {
			if (this.count == this.types.length) {
				int size = this.count * 2;
				this.types = Arrays.copyOf(this.types, size);
				this.starts = Arrays.copyOf(this.starts, size);
				this.ends = Arrays.copyOf(this.ends, size);
			}
			this.types[this.count] = type;
			this.starts[this.count] = start;
			this.ends[this.count] = end;
			this.count++;
		}

		private static boolean isWordStart(char c) {
			return Character.isLetter(c) || c == '_' || c == '#' || c == '@';
		}

		private static boolean isWordPart(char c) {
			return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '#' || c == '@';
		}

	}

}
