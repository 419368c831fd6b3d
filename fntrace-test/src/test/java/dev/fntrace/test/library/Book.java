package dev.fntrace.test.library;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/**
 * A book on a shelf, with a price.
 */
@Entity
public class Book {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String title;

	private long price;

	@ManyToOne(fetch = FetchType.LAZY)
	private Shelf shelf;

	protected Book() {
	}

	public Book(Shelf shelf, String title, long price) {
		this.shelf = shelf;
		this.title = title;
		this.price = price;
	}

	public Long getId() {
		return this.id;
	}

	public String getTitle() {
		return this.title;
	}

	public long getPrice() {
		return this.price;
	}

	public void raisePrice(long amount) {
		this.price += amount;
	}

}
