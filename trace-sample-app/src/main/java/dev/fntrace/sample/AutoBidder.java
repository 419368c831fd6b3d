package dev.fntrace.sample;

import dev.fntrace.Traced;

import org.springframework.stereotype.Service;

/**
 * Bids on behalf of a user, as little as it takes to lead, up to a limit. Not
 * transactional: it reads the current price, then calls {@link AuctionService#placeBid
 * placeBid}, whose own transaction locks the lot and checks the price again.
 */
@Service
public class AutoBidder {

	private final LotRepository lots;

	private final AuctionService auctionService;

	public AutoBidder(LotRepository lots, AuctionService auctionService) {
		this.lots = lots;
		this.auctionService = auctionService;
	}

	/**
	 * Bid one more than the lot's current price, or {@code max} if that is less, as the
	 * authenticated user.
	 * @param lotId the lot's id
	 * @param max the most the user is willing to bid
	 * @return the accepted bid
	 * @throws LotNotFoundException if there is no such lot
	 * @throws LotClosedException if the lot no longer takes bids
	 * @throws BidTooLowException if {@code max} does not exceed the current price
	 */
	@Traced("autoBid")
	public Bid autoBid(long lotId, long max) {
		Lot lot = this.lots.findById(lotId).orElseThrow(() -> new LotNotFoundException(lotId));
		// when max does not exceed the current price, placeBid refuses it as too low
		long amount = Math.min(max, lot.getCurrentPrice() + 1);
		return this.auctionService.placeBid(lotId, amount);
	}

}
