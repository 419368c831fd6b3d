package dev.fntrace.sample;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.fntrace.FnScheduler;
import dev.fntrace.Traced;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The auction's server functions. Each is {@link Traced}: its type comes from its
 * {@code @Transactional} (read-only means query, otherwise mutation).
 */
@Service
public class AuctionService {

	private final LotRepository lots;

	private final BidRepository bids;

	private final LotCloser lotCloser;

	private final FnScheduler scheduler;

	private final ApplicationEventPublisher events;

	public AuctionService(LotRepository lots, BidRepository bids, LotCloser lotCloser, FnScheduler scheduler,
			ApplicationEventPublisher events) {
		this.lots = lots;
		this.bids = bids;
		this.lotCloser = lotCloser;
		this.scheduler = scheduler;
		this.events = events;
	}

	/**
	 * List every lot, by id.
	 * @return the lots
	 */
	@Traced("getLots")
	@Transactional(readOnly = true)
	public List<Lot> getLots() {
		return this.lots.findAll(Sort.by("id"));
	}

	/**
	 * Read one lot.
	 * @param lotId the lot's id
	 * @return the lot
	 * @throws LotNotFoundException if there is no such lot
	 */
	@Traced("getLot")
	@Transactional(readOnly = true)
	public Lot getLot(long lotId) {
		return this.lots.findById(lotId).orElseThrow(() -> new LotNotFoundException(lotId));
	}

	/**
	 * Put a new lot up for auction, and schedule {@link LotCloser#closeLot closeLot} to
	 * close it if it is to end. The close is scheduled only once the lot is stored: if
	 * the transaction rolls back (the database refuses a negative starting price at
	 * commit), it is dropped.
	 * @param title the title
	 * @param startingPrice the price a first bid must exceed
	 * @param endsIn how long the lot takes bids, or {@code null} to leave it open
	 * @return the new, open lot
	 */
	@Traced("createLot")
	@Transactional
	public Lot createLot(String title, long startingPrice, Duration endsIn) {
		Lot lot = this.lots.save(new Lot(title, startingPrice));
		if (endsIn != null) {
			long lotId = lot.getId();
			this.scheduler.runAfter(endsIn, "closeLot", () -> this.lotCloser.closeLot(lotId));
		}
		return lot;
	}

	/**
	 * Bid on a lot as the authenticated user. An accepted bid becomes the lot's current
	 * price, and the lot's watchers are told once it is committed.
	 * @param lotId the lot's id
	 * @param amount the amount, which must exceed the lot's current price
	 * @return the accepted bid
	 * @throws LotNotFoundException if there is no such lot
	 * @throws LotClosedException if the lot no longer takes bids
	 * @throws BidTooLowException if the amount does not exceed the current price
	 */
	@Traced("placeBid")
	@Transactional
	public Bid placeBid(long lotId, long amount) {
		Lot lot = this.lots.findLockedById(lotId).orElseThrow(() -> new LotNotFoundException(lotId));
		if (lot.getState() != LotState.OPEN) {
			throw new LotClosedException(lotId);
		}
		if (amount <= lot.getCurrentPrice()) {
			throw new BidTooLowException(lot.getCurrentPrice());
		}
		Bid bid = this.bids.save(new Bid(lot, amount, currentUserName(), Instant.now()));
		lot.acceptBid(amount);
		this.events.publishEvent(new BidPlaced(lotId, amount, bid.getBidder()));
		return bid;
	}

	private static String currentUserName() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()) {
			throw new IllegalStateException("A bid needs an authenticated user");
		}
		return authentication.getName();
	}

}
