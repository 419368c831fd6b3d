package dev.fntrace.test.library;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The shelves.
 */
public interface ShelfRepository extends JpaRepository<Shelf, Long> {

}
