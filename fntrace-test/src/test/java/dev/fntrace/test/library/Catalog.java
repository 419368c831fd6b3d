package dev.fntrace.test.library;

import java.util.List;

import dev.fntrace.Traced;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports whole shelves, calling the {@link Library} for each book: nested traced calls.
 */
@Service
public class Catalog {

	private final Library library;

	public Catalog(Library library) {
		this.library = library;
	}

	/**
	 * Put up a shelf with its books, each added by a nested {@code addBook} call.
	 */
	@Traced("importShelf")
	@Transactional
	public Shelf importShelf(String name, List<String> titles) {
		Shelf shelf = this.library.addShelf(name);
		for (String title : titles) {
			this.library.addBook(shelf.getId(), title, 10);
		}
		return shelf;
	}

}
