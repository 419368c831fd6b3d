package dev.fntrace.sample;

/**
 * A lot and its leading bid, as the leaderboard shows them.
 *
 * @param lotId the lot's id
 * @param title the lot's title
 * @param currentPrice the lot's current price
 * @param leadingBid the highest bid, or {@code null} if nobody bid
 */
public record LeaderResponse(long lotId, String title, long currentPrice, BidResponse leadingBid) {

}
