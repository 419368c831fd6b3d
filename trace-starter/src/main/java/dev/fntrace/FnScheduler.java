package dev.fntrace;

import java.time.Duration;
import java.time.Instant;

/**
 * Schedules a function to run later, in the spirit of Convex's scheduler. Inside a
 * transaction the function is scheduled only once the transaction commits, and dropped if
 * it rolls back. The scheduling call's trace lists the schedule with its status, and the
 * later run is traced with {@code scheduled_by} set to the scheduling call's id.
 */
public interface FnScheduler {

	/**
	 * Run a function after a delay.
	 * @param delay how long to wait (after the commit, inside a transaction)
	 * @param fnName the function's name, as traces show it
	 * @param task the function
	 */
	void runAfter(Duration delay, String fnName, Runnable task);

	/**
	 * Run a function at a time.
	 * @param time when to run it
	 * @param fnName the function's name, as traces show it
	 * @param task the function
	 */
	void runAt(Instant time, String fnName, Runnable task);

}
