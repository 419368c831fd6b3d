package dev.fntrace.test.library;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.fntrace.FnScheduler;
import dev.fntrace.Traced;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The library's server functions, each {@link Traced}.
 */
@Service
public class Library {

	private final ShelfRepository shelves;

	private final BookRepository books;

	private final Repricer repricer;

	private final FnScheduler scheduler;

	public Library(ShelfRepository shelves, BookRepository books, Repricer repricer, FnScheduler scheduler) {
		this.shelves = shelves;
		this.books = books;
		this.repricer = repricer;
		this.scheduler = scheduler;
	}

	/**
	 * Put a new shelf up.
	 */
	@Traced("addShelf")
	@Transactional
	public Shelf addShelf(String name) {
		return this.shelves.save(new Shelf(name));
	}

	/**
	 * Put a book on a shelf: reads the shelf, then refuses a price that is not positive
	 * (the call rolls back with {@code PRICE_TOO_LOW}) or inserts the book.
	 */
	@Traced("addBook")
	@Transactional
	public Book addBook(long shelfId, String title, long price) {
		Shelf shelf = this.shelves.findById(shelfId).orElseThrow();
		if (price <= 0) {
			throw new PriceTooLowException(price);
		}
		return this.books.save(new Book(shelf, title, price));
	}

	/**
	 * Count the books: one query.
	 */
	@Traced("countBooks")
	@Transactional(readOnly = true)
	public long countBooks() {
		return this.books.count();
	}

	/**
	 * Count the books of each shelf the N+1 way: one query for the shelves, then one per
	 * shelf.
	 */
	@Traced("countBooksPerShelf")
	@Transactional(readOnly = true)
	public Map<String, Integer> countBooksPerShelf() {
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (Shelf shelf : this.shelves.findAll()) {
			counts.put(shelf.getName(), this.books.findByShelfId(shelf.getId()).size());
		}
		return counts;
	}

	/**
	 * The price of a book, without a transaction: a missing book is an error, not a
	 * rollback.
	 */
	@Traced("priceOf")
	public long priceOf(String title) {
		return this.books.findFirstByTitle(title)
			.map(Book::getPrice)
			.orElseThrow(() -> new BookNotFoundException(title));
	}

	/**
	 * Take a book off its shelf.
	 */
	@Traced("removeBook")
	@Transactional
	public void removeBook(long bookId) {
		this.books.deleteById(bookId);
	}

	/**
	 * Schedule {@link Repricer#reprice} for a book, once this call commits.
	 */
	@Traced("scheduleReprice")
	@Transactional
	public void scheduleReprice(long bookId, Duration after) {
		this.scheduler.runAfter(after, "reprice", () -> this.repricer.reprice(bookId));
	}

	/**
	 * Schedule {@link Repricer#reprice} for a book, then fail: the schedule is dropped.
	 */
	@Traced("scheduleRepriceAndFail")
	@Transactional
	public void scheduleRepriceAndFail(long bookId) {
		this.scheduler.runAfter(Duration.ofMillis(1), "reprice", () -> this.repricer.reprice(bookId));
		throw new PriceTooLowException(0);
	}

	/**
	 * A call that stays open until a future completes.
	 */
	@Traced("awaitGate")
	public CompletableFuture<String> awaitGate(CompletableFuture<String> gate) {
		return gate.thenApply((value) -> value);
	}

}
