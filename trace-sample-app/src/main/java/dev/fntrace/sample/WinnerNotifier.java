package dev.fntrace.sample;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells the winner of a closed lot, off the closing thread ({@code @Async}) once the
 * close has committed. A demo: it keeps the last notices in memory and logs them, where a
 * real service would send mail. The close's trace lists the hand-off as a schedule named
 * {@code WinnerNotifier.notifyWinner}.
 */
@Service
public class WinnerNotifier {

	private static final Log logger = LogFactory.getLog(WinnerNotifier.class);

	private static final int KEPT = 100;

	private final Deque<String> notices = new ArrayDeque<>();

	/**
	 * Tell the winner of a lot that closed with one.
	 * @param closed the closed lot
	 */
	@Async
	@TransactionalEventListener(condition = "#closed.winner() != null")
	public void notifyWinner(LotClosed closed) {
		String notice = closed.winner() + " won lot " + closed.lotId() + " for " + closed.finalPrice();
		logger.info(notice);
		synchronized (this.notices) {
			if (this.notices.size() == KEPT) {
				this.notices.removeFirst();
			}
			this.notices.addLast(notice);
		}
	}

	/**
	 * The latest notices, oldest first.
	 * @return a copy of the notices
	 */
	public List<String> notices() {
		synchronized (this.notices) {
			return List.copyOf(this.notices);
		}
	}

}
