package dev.fntrace.capture.data;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * An entity of the repository tests, stored in table {@code item}.
 */
@Entity
class Item {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false)
	private String name;

	protected Item() {
	}

	Item(String name) {
		this(null, name);
	}

	Item(Long id, String name) {
		this.id = id;
		this.name = name;
	}

	Long getId() {
		return this.id;
	}

	String getName() {
		return this.name;
	}

}
