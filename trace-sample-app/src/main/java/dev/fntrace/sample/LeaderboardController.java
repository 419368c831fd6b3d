package dev.fntrace.sample;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The leaderboard API: {@code GET /api/leaderboard}, for any signed-in user.
 */
@RestController
public class LeaderboardController {

	private final Leaderboard leaderboard;

	LeaderboardController(Leaderboard leaderboard) {
		this.leaderboard = leaderboard;
	}

	@GetMapping("/api/leaderboard")
	public List<LeaderResponse> leaderboard() {
		return this.leaderboard.leaders();
	}

}
