package dev.fntrace.sample;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * An item up for auction, stored in table {@code lot}. Its id comes from the sequence
 * {@code lot_seq}, so saving a new lot only reads the next id: Hibernate inserts the row
 * when the transaction commits, where the database checks it (a current price must not be
 * negative).
 */
@Entity
@Table(name = "lot")
public class Lot {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "lot_seq")
	@SequenceGenerator(name = "lot_seq", sequenceName = "lot_seq", allocationSize = 1)
	private Long id;

	@Column(nullable = false, length = 200)
	private String title;

	@Column(name = "current_price", nullable = false)
	private long currentPrice;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 16)
	private LotState state;

	@Column(length = 100)
	private String winner;

	protected Lot() {
	}

	/**
	 * Create an open lot.
	 * @param title the title
	 * @param startingPrice the price a first bid must exceed
	 */
	public Lot(String title, long startingPrice) {
		this.title = title;
		this.currentPrice = startingPrice;
		this.state = LotState.OPEN;
	}

	public Long getId() {
		return this.id;
	}

	public String getTitle() {
		return this.title;
	}

	public long getCurrentPrice() {
		return this.currentPrice;
	}

	public LotState getState() {
		return this.state;
	}

	/**
	 * The name of the user who won the lot.
	 * @return the winner, or {@code null} while the lot is open or if it closed without
	 * bids
	 */
	public String getWinner() {
		return this.winner;
	}

	/**
	 * Whether the lot takes bids.
	 * @return {@code true} while it is open
	 */
	public boolean isOpen() {
		return this.state == LotState.OPEN;
	}

	/**
	 * Raise the current price to an accepted bid.
	 * @param amount the accepted bid's amount
	 */
	void acceptBid(long amount) {
		this.currentPrice = amount;
	}

	/**
	 * Stop taking bids.
	 * @param winner the name of the user with the highest bid, or {@code null} if nobody
	 * bid
	 */
	void close(String winner) {
		this.state = LotState.CLOSED;
		this.winner = winner;
	}

}
