package dev.fntrace.sample;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import dev.fntrace.Traced;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter.SseEventBuilder;

/**
 * Streams what happens to lots to the clients that watch them, as server-sent events: a
 * {@code bid} event for each accepted bid, then a {@code closed} event when the lot
 * closes, which ends the stream. Events are sent only once the transaction that caused
 * them has committed.
 * <p>
 * The watchers live in memory, by lot: at most {@value #MAX_WATCHERS_PER_LOT} per lot,
 * each for at most {@link #TIMEOUT}; a watcher is forgotten when its stream completes,
 * times out or fails. Every stream gets a comment ({@code :keep-alive}) every
 * {@code sample.watch.heartbeat} (15 seconds by default): it keeps proxies from closing a
 * quiet stream, and finds clients that went away, which the server only notices when it
 * writes to them.
 * <p>
 * Events are sent on the thread that committed them (a heartbeat on the scheduler's):
 * enough for a demo, while a service with slow clients would hand them to an executor of
 * its own.
 */
@Component
public class LotWatchers {

	/** How many clients may watch one lot at once. */
	static final int MAX_WATCHERS_PER_LOT = 100;

	/**
	 * How long a client may watch a lot before its stream ends; it may then watch again.
	 */
	static final Duration TIMEOUT = Duration.ofMinutes(30);

	private static final Log logger = LogFactory.getLog(LotWatchers.class);

	private final LotRepository lots;

	private final ConcurrentMap<Long, Set<SseEmitter>> watchers = new ConcurrentHashMap<>();

	public LotWatchers(LotRepository lots) {
		this.lots = lots;
	}

	/**
	 * Watch a lot: its stream sends the lot's accepted bids as they commit, until the
	 * client leaves, the lot closes or the stream times out. A closed lot's stream sends
	 * the {@code closed} event and ends.
	 * @param lotId the lot's id
	 * @return the stream of the lot's events
	 * @throws LotNotFoundException if there is no such lot
	 * @throws TooManyWatchersException if the lot has as many watchers as it takes
	 */
	@Traced("watchLot")
	@Transactional(readOnly = true)
	public SseEmitter watchLot(long lotId) {
		SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
		emitter.onCompletion(() -> remove(lotId, emitter));
		emitter.onError((ex) -> remove(lotId, emitter));
		emitter.onTimeout(() -> {
			remove(lotId, emitter);
			emitter.complete();
		});
		add(lotId, emitter);
		// read once registered: a close committed before is seen here, one committed
		// later ends
		// the stream through lotClosed
		Lot lot = this.lots.findById(lotId).orElse(null);
		if (lot == null) {
			remove(lotId, emitter);
			throw new LotNotFoundException(lotId);
		}
		if (!lot.isOpen() && remove(lotId, emitter)) {
			close(emitter, LotClosed.of(lot));
		}
		return emitter;
	}

	/**
	 * Send an accepted bid to the lot's watchers, once its transaction has committed.
	 * @param bid the bid
	 */
	@TransactionalEventListener
	void bidPlaced(BidPlaced bid) {
		Set<SseEmitter> emitters = this.watchers.get(bid.lotId());
		if (emitters != null) {
			for (SseEmitter emitter : emitters) {
				if (!send(emitter, SseEmitter.event().name("bid").data(bid, MediaType.APPLICATION_JSON))) {
					remove(bid.lotId(), emitter);
				}
			}
		}
	}

	/**
	 * Tell the lot's watchers that it closed, once the close has committed, and end their
	 * streams.
	 * @param closed the closed lot
	 */
	@TransactionalEventListener
	void lotClosed(LotClosed closed) {
		Set<SseEmitter> emitters = this.watchers.remove(closed.lotId());
		if (emitters != null) {
			for (SseEmitter emitter : emitters) {
				close(emitter, closed);
			}
		}
	}

	/**
	 * Send a comment to every watcher, and forget those whose client went away.
	 */
	@Scheduled(fixedRateString = "${sample.watch.heartbeat:15s}", initialDelayString = "${sample.watch.heartbeat:15s}")
	void heartbeat() {
		this.watchers.forEach((lotId, emitters) -> {
			for (SseEmitter emitter : emitters) {
				if (!send(emitter, SseEmitter.event().comment("keep-alive"))) {
					remove(lotId, emitter);
				}
			}
		});
	}

	/**
	 * How many clients watch a lot.
	 * @param lotId the lot's id
	 * @return the number of watchers
	 */
	int watcherCount(long lotId) {
		Set<SseEmitter> emitters = this.watchers.get(lotId);
		return (emitters != null) ? emitters.size() : 0;
	}

	private void add(long lotId, SseEmitter emitter) {
		boolean[] added = { false };
		this.watchers.compute(lotId, (id, emitters) -> {
			Set<SseEmitter> watching = (emitters != null) ? emitters : ConcurrentHashMap.newKeySet();
			if (watching.size() < MAX_WATCHERS_PER_LOT) {
				added[0] = watching.add(emitter);
			}
			return watching;
		});
		if (!added[0]) {
			throw new TooManyWatchersException(lotId, MAX_WATCHERS_PER_LOT);
		}
	}

	/**
	 * Forget a watcher.
	 * @return {@code true} if it was still registered
	 */
	private boolean remove(long lotId, SseEmitter emitter) {
		boolean[] removed = { false };
		this.watchers.computeIfPresent(lotId, (id, emitters) -> {
			removed[0] = emitters.remove(emitter);
			return emitters.isEmpty() ? null : emitters;
		});
		return removed[0];
	}

	private void close(SseEmitter emitter, LotClosed closed) {
		if (send(emitter, SseEmitter.event().name("closed").data(closed, MediaType.APPLICATION_JSON))) {
			emitter.complete();
		}
	}

	/**
	 * Send an event; never throws, so that a client that went away fails no one else's
	 * call.
	 * @return {@code false} if the stream is broken or over
	 */
	private boolean send(SseEmitter emitter, SseEventBuilder event) {
		try {
			emitter.send(event);
			return true;
		}
		catch (IOException | IllegalStateException ex) {
			// the container reports a client that went away, which completes the emitter
			logger.debug("Could not send to a lot watcher", ex);
			return false;
		}
	}

}
