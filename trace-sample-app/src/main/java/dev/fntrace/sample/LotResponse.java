package dev.fntrace.sample;

/**
 * A lot as the API shows it.
 *
 * @param id the lot's id
 * @param title the title
 * @param currentPrice the highest accepted bid, or the starting price
 * @param state whether the lot takes bids
 * @param winner the user with the highest bid once the lot is closed, else {@code null}
 */
public record LotResponse(long id, String title, long currentPrice, LotState state, String winner) {

	static LotResponse of(Lot lot) {
		return new LotResponse(lot.getId(), lot.getTitle(), lot.getCurrentPrice(), lot.getState(), lot.getWinner());
	}

}
