package dev.fntrace.test.library;

import dev.fntrace.CodedError;

/**
 * No book has the title asked for.
 */
public class BookNotFoundException extends RuntimeException implements CodedError {

	public BookNotFoundException(String title) {
		super("No book titled " + title);
	}

	@Override
	public String code() {
		return "BOOK_NOT_FOUND";
	}

}
