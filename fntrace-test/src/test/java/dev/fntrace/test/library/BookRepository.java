package dev.fntrace.test.library;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The books.
 */
public interface BookRepository extends JpaRepository<Book, Long> {

	List<Book> findByShelfId(Long shelfId);

	Optional<Book> findFirstByTitle(String title);

}
