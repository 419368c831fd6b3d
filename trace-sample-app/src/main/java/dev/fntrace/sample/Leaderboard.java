package dev.fntrace.sample;

import java.util.ArrayList;
import java.util.List;

import dev.fntrace.Traced;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The leading bid of every lot, read the naive way: one query for the lots, then one more
 * query per lot for its highest bid. This is the N+1 pattern on purpose, so that the
 * trace viewer has a real one to flag: its trace runs the same bid statement once per
 * lot.
 */
@Service
public class Leaderboard {

	private final LotRepository lots;

	private final BidRepository bids;

	Leaderboard(LotRepository lots, BidRepository bids) {
		this.lots = lots;
		this.bids = bids;
	}

	/**
	 * Every lot with its leading bid, by lot id.
	 * @return the lots and their leading bids
	 */
	@Traced("getLeaderboard")
	@Transactional(readOnly = true)
	public List<LeaderResponse> leaders() {
		List<LeaderResponse> leaders = new ArrayList<>();
		for (Lot lot : this.lots.findAll(Sort.by("id"))) {
			BidResponse leadingBid = this.bids.findFirstByLotIdOrderByAmountDesc(lot.getId())
				.map(BidResponse::of)
				.orElse(null);
			leaders.add(new LeaderResponse(lot.getId(), lot.getTitle(), lot.getCurrentPrice(), leadingBid));
		}
		return leaders;
	}

}
