package dev.fntrace.sample;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

/**
 * Stores {@link Lot lots}.
 */
public interface LotRepository extends JpaRepository<Lot, Long> {

	/**
	 * Read a lot and lock its row until the transaction ends, so that concurrent bids on
	 * the same lot are taken one after the other.
	 * @param id the lot's id
	 * @return the lot, if there is one
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	Optional<Lot> findLockedById(Long id);

}
