package dev.fntrace.sample;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Stores {@link Bid bids}.
 */
public interface BidRepository extends JpaRepository<Bid, Long> {

	/**
	 * Read the highest bid on a lot.
	 * @param lotId the lot's id
	 * @return the highest bid, if anybody bid
	 */
	Optional<Bid> findFirstByLotIdOrderByAmountDesc(Long lotId);

}
