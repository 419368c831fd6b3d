package dev.fntrace.sample;

/**
 * Published when a bid is accepted; watchers of the lot receive it, as the data of a
 * {@code bid} event, once the bid's transaction has committed.
 *
 * @param lotId the id of the lot bid on
 * @param amount the amount
 * @param bidder the name of the user who bid
 */
public record BidPlaced(long lotId, long amount, String bidder) {

}
