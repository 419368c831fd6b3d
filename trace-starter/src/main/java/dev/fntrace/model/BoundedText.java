package dev.fntrace.model;

/**
 * Cuts text that fntrace keeps to a bound, marking the cut with an ellipsis and never
 * splitting a surrogate pair.
 */
public final class BoundedText {

	private BoundedText() {
	}

	/**
	 * Cut text to a length.
	 * @param text the text, or {@code null}
	 * @param maxLength how many characters to keep at most
	 * @return the text, cut and marked, or {@code null}
	 */
	public static String cut(String text, int maxLength) {
		if (text == null || text.length() <= maxLength) {
			return text;
		}
		int end = maxLength;
		if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, end) + "…";
	}

}
