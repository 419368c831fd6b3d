package dev.fntrace.sample;

/**
 * Published when a lot closes; watchers of the lot receive it, as the data of a
 * {@code closed} event, once the closing transaction has committed, and their streams
 * end.
 *
 * @param lotId the lot's id
 * @param finalPrice the highest accepted bid, or the starting price if nobody bid
 * @param winner the name of the user with the highest bid, or {@code null} if nobody bid
 */
public record LotClosed(long lotId, long finalPrice, String winner) {

	static LotClosed of(Lot lot) {
		return new LotClosed(lot.getId(), lot.getCurrentPrice(), lot.getWinner());
	}

}
