package dev.fntrace.sample;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * An accepted bid on a {@link Lot}, stored in table {@code bid}.
 */
@Entity
@Table(name = "bid")
public class Bid {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "lot_id", nullable = false)
	private Lot lot;

	@Column(nullable = false)
	private long amount;

	@Column(nullable = false, length = 100)
	private String bidder;

	@Column(name = "placed_at", nullable = false)
	private Instant placedAt;

	protected Bid() {
	}

	/**
	 * Create a bid.
	 * @param lot the lot bid on
	 * @param amount the amount
	 * @param bidder the name of the user who bid
	 * @param placedAt when the bid was placed
	 */
	public Bid(Lot lot, long amount, String bidder, Instant placedAt) {
		this.lot = lot;
		this.amount = amount;
		this.bidder = bidder;
		this.placedAt = placedAt;
	}

	public Long getId() {
		return this.id;
	}

	public Lot getLot() {
		return this.lot;
	}

	public long getAmount() {
		return this.amount;
	}

	public String getBidder() {
		return this.bidder;
	}

	public Instant getPlacedAt() {
		return this.placedAt;
	}

}
