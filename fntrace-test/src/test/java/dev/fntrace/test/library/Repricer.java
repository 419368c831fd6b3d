package dev.fntrace.test.library;

import dev.fntrace.Traced;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Raises a book's price, when {@link Library#scheduleReprice} scheduled it.
 */
@Service
public class Repricer {

	private final BookRepository books;

	public Repricer(BookRepository books) {
		this.books = books;
	}

	/**
	 * Raise a book's price by one.
	 */
	@Traced("reprice")
	@Transactional
	public void reprice(long bookId) {
		this.books.findById(bookId).orElseThrow().raisePrice(1);
	}

}
