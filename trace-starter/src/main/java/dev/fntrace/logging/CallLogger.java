package dev.fntrace.logging;

import java.util.Locale;

import dev.fntrace.insight.SlowCallThresholds;
import dev.fntrace.log.TraceSink;
import dev.fntrace.model.FnOutcome;
import dev.fntrace.model.FnTrace;
import dev.fntrace.model.OpTrace;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * A {@link TraceSink} that writes each slow or failed call as one log line to the logger
 * {@value #LOGGER_NAME}: failed calls at {@code WARN}, slow ones at {@code INFO}. The
 * message reads well as plain text; the same facts are attached as SLF4J key-value pairs
 * named {@code fntrace.*}, so that Spring Boot's structured logging (ECS, Logstash)
 * writes them as fields. Returned values are never logged.
 */
public class CallLogger implements TraceSink {

	/** The name of the logger the lines are written to. */
	public static final String LOGGER_NAME = "dev.fntrace.calls";

	private final Logger logger;

	private final SlowCallThresholds slow;

	private final boolean logSlow;

	private final boolean logFailed;

	/**
	 * Create a sink that logs to {@value #LOGGER_NAME}.
	 * @param slow when a call is slow
	 * @param logSlow whether to log slow calls
	 * @param logFailed whether to log failed calls ({@code error} or {@code rolled_back})
	 */
	public CallLogger(SlowCallThresholds slow, boolean logSlow, boolean logFailed) {
		this(LoggerFactory.getLogger(LOGGER_NAME), slow, logSlow, logFailed);
	}

	CallLogger(Logger logger, SlowCallThresholds slow, boolean logSlow, boolean logFailed) {
		this.logger = logger;
		this.slow = slow;
		this.logSlow = logSlow;
		this.logFailed = logFailed;
	}

	@Override
	public void accept(FnTrace trace) {
		boolean failed = this.logFailed && trace.outcome().isFailure();
		boolean slow = this.logSlow && this.slow.isSlow(trace);
		if (!failed && !slow) {
			return;
		}
		Level level = failed ? Level.WARN : Level.INFO;
		if (this.logger.isEnabledForLevel(level)) {
			log(this.logger.atLevel(level), trace, slow);
		}
	}

	private void log(LoggingEventBuilder event, FnTrace trace, boolean slow) {
		FnOutcome outcome = trace.outcome();
		int reads = 0;
		int failedOps = 0;
		for (OpTrace op : trace.ops()) {
			reads += op.op().isRead() ? 1 : 0;
			failedOps += op.ok() ? 0 : 1;
		}
		int ops = trace.ops().size() + trace.opsDropped();
		event.addKeyValue("fntrace.call_id", trace.callId())
			.addKeyValue("fntrace.fn_name", trace.fnName())
			.addKeyValue("fntrace.fn_type", trace.fnType().jsonName())
			.addKeyValue("fntrace.status", outcome.status())
			.addKeyValue("fntrace.duration_ms", trace.durationMs())
			.addKeyValue("fntrace.slow", slow)
			.addKeyValue("fntrace.ops", ops)
			.addKeyValue("fntrace.ops_read", reads)
			.addKeyValue("fntrace.ops_failed", failedOps);
		if (trace.opsDropped() > 0) {
			event.addKeyValue("fntrace.ops_dropped", trace.opsDropped());
		}
		addIfPresent(event, "fntrace.user_id", trace.userId());
		addIfPresent(event, "fntrace.tenant_id", trace.tenantId());
		addIfPresent(event, "fntrace.parent_call_id", trace.parentCallId());
		addIfPresent(event, "fntrace.scheduled_by", trace.scheduledBy());
		addIfPresent(event, "fntrace.error_code", outcome.code());
		addIfPresent(event, "fntrace.error_message", outcome.message());
		event.log(message(trace, slow, outcome.code(), ops));
	}

	private static String message(FnTrace trace, boolean slow, @Nullable String error, int ops) {
		StringBuilder message = new StringBuilder(128);
		message.append(slow ? "Slow call " : "Call ").append(trace.fnName()).append(' ');
		message.append(trace.outcome().status());
		if (error != null) {
			message.append(" (").append(error).append(')');
		}
		message.append(" in ").append(String.format(Locale.ROOT, "%.1f", trace.durationMs())).append(" ms, ");
		message.append(ops).append((ops != 1) ? " ops" : " op");
		message.append(", call ").append(trace.callId());
		return message.toString();
	}

	private static void addIfPresent(LoggingEventBuilder event, String key, @Nullable String value) {
		if (value != null) {
			event.addKeyValue(key, value);
		}
	}

}
