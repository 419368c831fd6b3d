package dev.fntrace.capture;

import java.time.Instant;

/**
 * The clock of a call's start: one {@link System#nanoTime()} read per call, from which
 * the wall-clock start is derived. Reading the wall clock as well would cost a second
 * clock read per call (about as much as the first); instead the wall clock is read with
 * sub-millisecond precision at most once a second, together with the monotonic clock, and
 * each start is placed that far from it. Between two readings the two clocks may drift
 * apart by what time synchronization slews in a second (at most half a millisecond), and
 * a jump of the wall clock shows from the next reading on.
 */
final class CallClock {

	private static final long NANOS_PER_MILLI = 1_000_000L;

	private static final long RESYNC_NANOS = 1_000_000_000L;

	private volatile Reading reading = Reading.now();

	/**
	 * The wall-clock time of a monotonic instant close to now.
	 * @param nanoTime the instant, as {@link System#nanoTime()}
	 * @return the epoch milliseconds of that instant
	 */
	long epochMillis(long nanoTime) {
		Reading reading = this.reading;
		long since = nanoTime - reading.nanoTime;
		if (since < 0 || since > RESYNC_NANOS) {
			reading = Reading.now();
			this.reading = reading;
			since = nanoTime - reading.nanoTime;
		}
		return Math.floorDiv(reading.epochNanos + since, NANOS_PER_MILLI);
	}

	/**
	 * Both clocks read together.
	 *
	 * @param nanoTime the monotonic clock
	 * @param epochNanos the wall clock, in nanoseconds since the epoch
	 */
	private record Reading(long nanoTime, long epochNanos) {

		static Reading now() {
			Instant wall = Instant.now();
			long nanoTime = System.nanoTime();
			return new Reading(nanoTime, wall.getEpochSecond() * 1_000_000_000L + wall.getNano());
		}

	}

}
