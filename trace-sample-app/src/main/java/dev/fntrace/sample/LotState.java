package dev.fntrace.sample;

/**
 * Whether a {@link Lot} still takes bids.
 */
public enum LotState {

	/** The lot takes bids. */
	OPEN,

	/** The lot no longer takes bids. */
	CLOSED

}
