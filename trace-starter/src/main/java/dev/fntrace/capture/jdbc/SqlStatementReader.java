package dev.fntrace.capture.jdbc;

import java.util.ArrayList;
import java.util.List;

import dev.fntrace.model.DbOp;

/**
 * Recursive-descent reader over the tokens of one statement. It reads only as far as
 * needed: tokens are produced lazily by {@link SqlLexer}.
 */
final class SqlStatementReader {

	private static final int MAX_DEPTH = 32;

	private static final String[] INSERT_MODIFIERS = { "ignore", "low_priority", "delayed", "high_priority", "all",
			"first", "overwrite" };

	private static final String[] UPDATE_MODIFIERS = { "low_priority", "ignore", "only" };

	private static final String[] DELETE_MODIFIERS = { "low_priority", "quick", "ignore" };

	private static final String[] REPLACE_MODIFIERS = { "low_priority", "delayed" };

	private static final String[] CREATE_MODIFIERS = { "or", "replace", "alter", "temporary", "temp", "global", "local",
			"unlogged", "cached", "memory", "transactional", "force", "noforce", "unique", "materialized", "external",
			"virtual", "recursive", "clustered", "nonclustered" };

	private static final String[] DROP_MODIFIERS = { "temporary", "materialized" };

	private static final String[] ALTER_MODIFIERS = { "materialized" };

	private final SqlLexer tokens;

	private List<String> cteNames;

	private List<String> cteEntities;

	SqlStatementReader(String sql) {
		this.tokens = new SqlLexer(sql);
	}

	SqlShape statement(int i, int depth) {
		if (depth > MAX_DEPTH) {
			return SqlShape.UNKNOWN;
		}
		while (type(i) == SqlLexer.LPAREN) {
			i++;
		}
		if (type(i) != SqlLexer.WORD) {
			return SqlShape.UNKNOWN;
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
				return SqlShape.UNKNOWN;
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
				return SqlShape.UNKNOWN;
			}
			int nameIndex = i++;
			if (type(i) == SqlLexer.LPAREN) {
				i = skipGroup(i);
			}
			if (!isWord(i, "as")) {
				return SqlShape.UNKNOWN;
			}
			i++;
			if (isWord(i, "not")) {
				i++;
			}
			if (isWord(i, "materialized")) {
				i++;
			}
			if (type(i) != SqlLexer.LPAREN) {
				return SqlShape.UNKNOWN;
			}
			String entity = statement(i + 1, depth + 1).entity();
			addCte(this.tokens.identifier(nameIndex), entity);
			i = skipGroup(i);
			if (type(i) != SqlLexer.COMMA) {
				break;
			}
			i++;
		}
		return statement(i, depth + 1);
	}

	/**
	 * The select list and {@code FROM} of a query, {@code i} just after {@code SELECT}.
	 */
	private String select(int i, int depth) {
		String sequence = null;
		while (true) {
			int type = type(i);
			if (type == SqlLexer.EOF || type == SqlLexer.SEMICOLON || type == SqlLexer.RPAREN) {
				return sequence;
			}
			if (type == SqlLexer.LPAREN) {
				if (type(i + 1) == SqlLexer.STRING && (isWord(i - 1, "nextval") || isWord(i - 1, "currval"))) {
					sequence = this.tokens.sequenceLiteral(i + 1);
				}
				i = skipGroup(i);
				continue;
			}
			if (type == SqlLexer.WORD) {
				if (isWord(i, "from") && !isDistinctFrom(i)) {
					String table = fromItem(i + 1, depth + 1);
					return (table == null || isDummyTable(table)) ? sequence : table;
				}
				if (nextValueFor(i)) {
					sequence = plainName(i + 3);
					i += 3;
					continue;
				}
				if ((isWord(i, "nextval") || isWord(i, "currval")) && type(i - 1) == SqlLexer.DOT && isName(i - 2)) {
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
		if (type(i) == SqlLexer.LPAREN) {
			int j = i + 1;
			while (type(j) == SqlLexer.LPAREN) {
				j++;
			}
			if (isWord(j, "select") || isWord(j, "with") || isWord(j, "values") || isWord(j, "table")) {
				return statement(j, depth + 1).entity();
			}
			return fromItem(i + 1, depth + 1);
		}
		if (!isName(i) || type(nameEnd(i)) == SqlLexer.LPAREN) {
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
	 * The object of {@code CREATE}, {@code DROP} or {@code ALTER}, {@code i} at its kind.
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
				if (type == SqlLexer.EOF || type == SqlLexer.SEMICOLON || type == SqlLexer.LPAREN) {
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
		if (isWord(i, "top") && type(i + 1) == SqlLexer.LPAREN) {
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
			if (type == SqlLexer.EOF) {
				return i;
			}
			if (type == SqlLexer.LPAREN) {
				depth++;
			}
			else if (type == SqlLexer.RPAREN && --depth == 0) {
				return i + 1;
			}
		}
	}

	/**
	 * Index just after the possibly qualified name starting at {@code i}.
	 */
	private int nameEnd(int i) {
		int end = i + 1;
		while (type(end) == SqlLexer.DOT) {
			int next = end + 1;
			while (type(next) == SqlLexer.DOT) {
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
		return type == SqlLexer.WORD || type == SqlLexer.QUOTED;
	}

	private boolean isWord(int i, String keyword) {
		return this.tokens.isWord(i, keyword);
	}

	private boolean isAnyWord(int i, String[] keywords) {
		if (type(i) != SqlLexer.WORD) {
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
