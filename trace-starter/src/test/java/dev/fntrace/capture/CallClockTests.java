package dev.fntrace.capture;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CallClock}.
 */
class CallClockTests {

	private final CallClock clock = new CallClock();

	@Test
	void startIsTheWallClockOfItsMonotonicInstant() {
		for (int i = 0; i < 1_000; i++) {
			long before = System.currentTimeMillis();
			long startedAt = this.clock.epochMillis(System.nanoTime());
			long after = System.currentTimeMillis();
			// the wall clock is read to the millisecond, the clock's reading more finely
			assertThat(startedAt).isBetween(before - 1, after + 1);
		}
	}

	@Test
	void laterInstantsAreLaterByTheirDistance() {
		long now = System.nanoTime();
		long first = this.clock.epochMillis(now);
		assertThat(this.clock.epochMillis(now + 250_000_000L)).isBetween(first + 249, first + 251);
	}

	@Test
	void instantFarFromTheLastReadingIsPlacedFromANewReading() {
		long now = System.nanoTime();
		long first = this.clock.epochMillis(now);
		// beyond a second from the reading: the clock reads the wall clock again, and
		// still places the instant at its distance from now
		assertThat(this.clock.epochMillis(now + 5_000_000_000L)).isBetween(first + 4_998, first + 5_002);
		assertThat(this.clock.epochMillis(now - 3_000_000_000L)).isBetween(first - 3_002, first - 2_998);
	}

}
