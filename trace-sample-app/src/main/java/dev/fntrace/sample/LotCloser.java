package dev.fntrace.sample;

import dev.fntrace.Traced;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closes lots, when {@link AuctionService#createLot} scheduled them to close. A bean of
 * its own, so that the scheduled call goes through the proxy that traces it and begins
 * its transaction.
 */
@Service
public class LotCloser {

	private final LotRepository lots;

	private final BidRepository bids;

	private final ApplicationEventPublisher events;

	public LotCloser(LotRepository lots, BidRepository bids, ApplicationEventPublisher events) {
		this.lots = lots;
		this.bids = bids;
		this.events = events;
	}

	/**
	 * Close a lot: it takes no more bids, and the bidder of its highest bid wins it.
	 * Watchers of the lot are told once the lot is closed for good (after commit).
	 * Closing a closed lot changes nothing.
	 * @param lotId the lot's id
	 * @return the closed lot
	 * @throws LotNotFoundException if there is no such lot
	 */
	@Traced("closeLot")
	@Transactional
	public Lot closeLot(long lotId) {
		// the lock waits for bids being placed on the lot, so that none is accepted after
		// the close
		Lot lot = this.lots.findLockedById(lotId).orElseThrow(() -> new LotNotFoundException(lotId));
		if (!lot.isOpen()) {
			return lot;
		}
		String winner = this.bids.findFirstByLotIdOrderByAmountDesc(lotId).map(Bid::getBidder).orElse(null);
		lot.close(winner);
		this.events.publishEvent(LotClosed.of(lot));
		return lot;
	}

}
