package dev.fntrace.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

import dev.fntrace.insight.NPlusOneDetector;
import dev.fntrace.log.TraceLog;
import dev.fntrace.log.TraceQuery;
import dev.fntrace.model.FnTrace;
import org.assertj.core.api.AssertProvider;

/**
 * The traces of the calls one test made: every trace the {@link TraceLog} recorded since
 * the recorder was created or last {@link #reset() reset}, of calls that started since
 * then. A call that an earlier test started and that finishes during this one (a stream,
 * a deferred result) is not among them.
 * <p>
 * The {@link FnTraceExtension} creates one for each test, reset just before the test
 * method runs, so that calls made by {@code @BeforeEach} methods are not counted. Read it
 * with {@link FnTraceAssertions#assertThat(FnTraceRecorder)} or, as an
 * {@link AssertProvider}, with AssertJ's own {@code assertThat}.
 */
public final class FnTraceRecorder implements AssertProvider<FnTracesAssert> {

	/** How long {@link #awaitCall(String)} waits for a call by default. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

	private static final long POLL_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

	private final TraceLog log;

	private final NPlusOneDetector nPlusOne;

	private volatile long startedAt;

	private volatile long cursor;

	/**
	 * Create a recorder that reads the traces recorded from now on.
	 * @param log the log the application records into
	 * @param nPlusOne the N+1 rule that {@code hasNoNPlusOne()} applies
	 */
	public FnTraceRecorder(TraceLog log, NPlusOneDetector nPlusOne) {
		this.log = log;
		this.nPlusOne = nPlusOne;
		reset();
	}

	/**
	 * Forget the calls recorded so far: from now on, read only the traces of calls that
	 * start after this. Useful between the arrange and act steps of a test.
	 */
	public void reset() {
		this.startedAt = System.currentTimeMillis();
		this.cursor = this.log.cursor();
	}

	/**
	 * The traces of the calls made since the recorder was created or reset, in the order
	 * they finished (a nested call finishes before its parent).
	 * @return the traces, oldest first
	 */
	public List<FnTrace> traces() {
		long since = this.startedAt;
		List<FnTrace> newestFirst = this.log.find(new TraceQuery(null, null, null, null, null, this.log.capacity(),
				this.cursor, (trace) -> trace.startedAt() >= since));
		List<FnTrace> oldestFirst = new ArrayList<>(newestFirst);
		Collections.reverse(oldestFirst);
		return List.copyOf(oldestFirst);
	}

	/**
	 * The traces of the calls of one function, in the order they finished.
	 * @param fnName the function's name
	 * @return the traces, oldest first
	 */
	public List<FnTrace> calls(String fnName) {
		return traces().stream().filter((trace) -> trace.fnName().equals(fnName)).toList();
	}

	/**
	 * The one call of a function made since the recorder was created or reset.
	 * @param fnName the function's name
	 * @return its trace
	 * @throws AssertionError if there was no call of it, or more than one
	 */
	public FnTrace call(String fnName) {
		List<FnTrace> calls = calls(fnName);
		if (calls.size() != 1) {
			throw new AssertionError("Expected one call " + fnName + " but "
					+ (calls.isEmpty() ? "there was none" : "there were " + calls.size()) + ".\n"
					+ TraceDescriptions.calls(traces(), evicted()));
		}
		return calls.get(0);
	}

	/**
	 * Wait, at most {@link #DEFAULT_TIMEOUT}, for a call of a function to finish: for
	 * calls that finish on another thread, such as scheduled runs, {@code @Async} methods
	 * and streams.
	 * @param fnName the function's name
	 * @return the first call of it
	 * @throws AssertionError if none finished in time
	 */
	public FnTrace awaitCall(String fnName) {
		return awaitCall(fnName, DEFAULT_TIMEOUT);
	}

	/**
	 * Wait for a call of a function to finish.
	 * @param fnName the function's name
	 * @param timeout how long to wait at most
	 * @return the first call of it
	 * @throws AssertionError if none finished in time
	 */
	public FnTrace awaitCall(String fnName, Duration timeout) {
		return await(fnName, (trace) -> true, "", timeout);
	}

	/**
	 * Wait for a call of a function that matches a condition to finish.
	 * @param fnName the function's name
	 * @param matching the condition, for example on {@link FnTrace#scheduledBy()}
	 * @param timeout how long to wait at most
	 * @return the first call of it that matches
	 * @throws AssertionError if none finished in time
	 */
	public FnTrace awaitCall(String fnName, Predicate<? super FnTrace> matching, Duration timeout) {
		return await(fnName, matching, " that matches", timeout);
	}

	private FnTrace await(String fnName, Predicate<? super FnTrace> matching, String which, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			Optional<FnTrace> found = calls(fnName).stream().filter(matching).findFirst();
			if (found.isPresent()) {
				return found.get();
			}
			if (System.nanoTime() - deadline >= 0) {
				throw new AssertionError("Expected a call " + fnName + which + " within " + timeout
						+ " but there was none. " + TraceDescriptions.calls(traces(), evicted()));
			}
			LockSupport.parkNanos(POLL_INTERVAL_NANOS);
			if (Thread.interrupted()) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for a call " + fnName);
			}
		}
	}

	/**
	 * The N+1 rule of this recorder: the application's
	 * {@code fntrace.insights.n-plus-one-threshold}, as the trace viewer applies it.
	 * @return the rule
	 */
	public NPlusOneDetector nPlusOneDetector() {
		return this.nPlusOne;
	}

	/**
	 * How many traces recorded since the recorder was reset the log no longer holds,
	 * because more were recorded than {@code fntrace.capacity}: at least the number
	 * given.
	 * @return how many traces were evicted, 0 when none
	 */
	public long evicted() {
		return Math.max(0, this.log.totalCount() - this.cursor - this.log.capacity());
	}

	@Override
	public FnTracesAssert assertThat() {
		return new FnTracesAssert(this);
	}

}
