package dev.fntrace.sample;

/**
 * An accepted bid as the API shows it.
 *
 * @param id the bid's id
 * @param lotId the id of the lot bid on
 * @param amount the amount
 * @param bidder the name of the user who bid
 */
public record BidResponse(long id, long lotId, long amount, String bidder) {

	static BidResponse of(Bid bid) {
		return new BidResponse(bid.getId(), bid.getLot().getId(), bid.getAmount(), bid.getBidder());
	}

}
