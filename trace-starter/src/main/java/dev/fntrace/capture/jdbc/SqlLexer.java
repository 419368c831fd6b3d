package dev.fntrace.capture.jdbc;

import java.util.Arrays;
import java.util.Locale;

/**
 * Lazy SQL tokenizer with random access to the tokens read so far. Skips whitespace,
 * {@code --} and {@code /* *}{@code /} comments; string literals ({@code '...'},
 * {@code E'...'}, {@code $tag$...$tag$}) and quoted identifiers ({@code "..."},
 * {@code `...`}, {@code [...]}) are single tokens.
 */
final class SqlLexer {

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

	SqlLexer(String sql) {
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
	 * The identifier at {@code i}: an unquoted word lower-cased, a quoted one unquoted.
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
	 * The sequence named by a string literal, as in {@code nextval('public.lot_seq')}.
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
