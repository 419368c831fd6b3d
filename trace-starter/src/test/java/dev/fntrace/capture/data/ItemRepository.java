package dev.fntrace.capture.data;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * The repository of the repository tests.
 */
interface ItemRepository extends JpaRepository<Item, Long> {

	Optional<Item> findByName(String name);

	List<Item> findAllByName(String name);

	Optional<Item> findLockedById(Long id);

	@Query(value = "select * from item where id = 1 / (id - id)", nativeQuery = true)
	List<Item> divideByZero();

	default Item require(Long id) {
		return findById(id).orElseThrow();
	}

	default Item failWith(RuntimeException failure) {
		throw failure;
	}

}
