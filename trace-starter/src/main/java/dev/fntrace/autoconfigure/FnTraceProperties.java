package dev.fntrace.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import java.nio.file.Path;

import dev.fntrace.insight.SlowCallThresholds;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration of fntrace, under {@code fntrace.*}. Checked when bound: a bound that is
 * not positive, or a capacity too large to hold, stops the application with a message
 * naming the property, rather than losing every trace later.
 */
@ConfigurationProperties("fntrace")
public class FnTraceProperties implements Validator {

	/** The largest capacity the log accepts. */
	public static final int MAX_CAPACITY = 1_000_000;

	/**
	 * Whether to record traces at all.
	 */
	private boolean enabled = true;

	/**
	 * How many traces the in-memory log keeps; the oldest is evicted first.
	 */
	private int capacity = 1000;

	/**
	 * How many operations one trace keeps; further ones are only counted.
	 */
	private int maxOpsPerTrace = 200;

	/**
	 * How many schedules one trace keeps; further ones are only counted.
	 */
	private int maxSchedulesPerTrace = 100;

	/**
	 * How long an error message may be before it is cut.
	 */
	private int maxMessageLength = 500;

	/**
	 * How long the JSON of a recorded value may be before it is cut (while it is
	 * written).
	 */
	private int maxValueLength = 2000;

	/**
	 * Whether to record the values traced functions return. Off by default: values may
	 * hold personal data.
	 */
	private boolean recordValues = false;

	/**
	 * The request header that carries the tenant id.
	 */
	private String tenantHeader = "X-Tenant-Id";

	/**
	 * Patterns of function names to record ('*' matches anything); empty records all.
	 */
	private List<String> include = new ArrayList<>();

	/**
	 * Patterns of function names not to record ('*' matches anything).
	 */
	private List<String> exclude = new ArrayList<>();

	private final Jdbc jdbc = new Jdbc();

	private final Data data = new Data();

	private final Web web = new Web();

	private final Scheduling scheduling = new Scheduling();

	private final Propagation propagation = new Propagation();

	private final Insights insights = new Insights();

	private final Logging logging = new Logging();

	private final File file = new File();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getCapacity() {
		return this.capacity;
	}

	public void setCapacity(int capacity) {
		this.capacity = capacity;
	}

	public int getMaxOpsPerTrace() {
		return this.maxOpsPerTrace;
	}

	public void setMaxOpsPerTrace(int maxOpsPerTrace) {
		this.maxOpsPerTrace = maxOpsPerTrace;
	}

	public int getMaxSchedulesPerTrace() {
		return this.maxSchedulesPerTrace;
	}

	public void setMaxSchedulesPerTrace(int maxSchedulesPerTrace) {
		this.maxSchedulesPerTrace = maxSchedulesPerTrace;
	}

	public int getMaxValueLength() {
		return this.maxValueLength;
	}

	public void setMaxValueLength(int maxValueLength) {
		this.maxValueLength = maxValueLength;
	}

	public int getMaxMessageLength() {
		return this.maxMessageLength;
	}

	public void setMaxMessageLength(int maxMessageLength) {
		this.maxMessageLength = maxMessageLength;
	}

	public boolean isRecordValues() {
		return this.recordValues;
	}

	public void setRecordValues(boolean recordValues) {
		this.recordValues = recordValues;
	}

	public String getTenantHeader() {
		return this.tenantHeader;
	}

	public void setTenantHeader(String tenantHeader) {
		this.tenantHeader = tenantHeader;
	}

	public List<String> getInclude() {
		return this.include;
	}

	public void setInclude(List<String> include) {
		this.include = include;
	}

	public List<String> getExclude() {
		return this.exclude;
	}

	public void setExclude(List<String> exclude) {
		this.exclude = exclude;
	}

	public Jdbc getJdbc() {
		return this.jdbc;
	}

	public Insights getInsights() {
		return this.insights;
	}

	public Logging getLogging() {
		return this.logging;
	}

	public File getFile() {
		return this.file;
	}

	public Data getData() {
		return this.data;
	}

	public Web getWeb() {
		return this.web;
	}

	/**
	 * Spring Data repositories.
	 */
	public static class Data {

		/**
		 * Whether to record each Spring Data repository call inside a traced call as one
		 * operation (get, list, insert, ...) with its domain type and entity id, folding
		 * the SQL it ran.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	public Scheduling getScheduling() {
		return this.scheduling;
	}

	public Propagation getPropagation() {
		return this.propagation;
	}

	/**
	 * Spring MVC.
	 */
	public static class Web {

		/**
		 * Whether to trace every Spring MVC handler method as a function named
		 * 'Controller.method', so that an application without @Traced gets a trace per
		 * request.
		 */
		private boolean traceHandlers = false;

		public boolean isTraceHandlers() {
			return this.traceHandlers;
		}

		public void setTraceHandlers(boolean traceHandlers) {
			this.traceHandlers = traceHandlers;
		}

	}

	/**
	 * Scheduling: the FnScheduler and recording of work handed to TaskScheduler
	 * and @Async.
	 */
	public static class Scheduling {

		/**
		 * Whether to provide the FnScheduler and record scheduled work.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * Carrying the current trace across threads.
	 */
	public static class Propagation {

		/**
		 * Whether to declare a context-propagating TaskDecorator (when the application
		 * has no TaskDecorator) so that executors and @Async methods carry the current
		 * trace.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * SQL capture.
	 */
	public static class Jdbc {

		/**
		 * Whether to record the SQL statements traced calls run.
		 */
		private boolean enabled = true;

		/**
		 * Names of DataSource beans not to wrap.
		 */
		private Set<String> excludedDataSourceBeanNames = new HashSet<>();

		/**
		 * How long a statement's text may be before it is cut.
		 */
		private int maxSqlLength = 2000;

		/**
		 * How many characters of SQL text one trace keeps in all, folded repository
		 * operations included; statements past it are kept cut, or without their text.
		 */
		private int maxSqlLengthPerTrace = 16_000;

		public int getMaxSqlLengthPerTrace() {
			return this.maxSqlLengthPerTrace;
		}

		public void setMaxSqlLengthPerTrace(int maxSqlLengthPerTrace) {
			this.maxSqlLengthPerTrace = maxSqlLengthPerTrace;
		}

		public int getMaxSqlLength() {
			return this.maxSqlLength;
		}

		public void setMaxSqlLength(int maxSqlLength) {
			this.maxSqlLength = maxSqlLength;
		}

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Set<String> getExcludedDataSourceBeanNames() {
			return this.excludedDataSourceBeanNames;
		}

		public void setExcludedDataSourceBeanNames(Set<String> excludedDataSourceBeanNames) {
			this.excludedDataSourceBeanNames = excludedDataSourceBeanNames;
		}

	}

	@Override
	public boolean supports(Class<?> type) {
		return FnTraceProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		FnTraceProperties properties = (FnTraceProperties) target;
		checkRange(errors, "capacity", properties.getCapacity(), 1, MAX_CAPACITY);
		checkRange(errors, "maxOpsPerTrace", properties.getMaxOpsPerTrace(), 0, 100_000);
		checkRange(errors, "maxSchedulesPerTrace", properties.getMaxSchedulesPerTrace(), 0, 100_000);
		checkRange(errors, "maxMessageLength", properties.getMaxMessageLength(), 1, 1_000_000);
		checkRange(errors, "maxValueLength", properties.getMaxValueLength(), 1, 10_000_000);
		checkRange(errors, "jdbc.maxSqlLength", properties.getJdbc().getMaxSqlLength(), 1, 1_000_000);
		checkRange(errors, "jdbc.maxSqlLengthPerTrace", properties.getJdbc().getMaxSqlLengthPerTrace(), 0, 10_000_000);
		if (properties.getFile().getMaxSize() == null || properties.getFile().getMaxSize().toBytes() < 1) {
			errors.rejectValue("file.maxSize", "fntrace.range",
					"must be positive, was " + properties.getFile().getMaxSize());
		}
		if (properties.getTenantHeader() == null || properties.getTenantHeader().isBlank()) {
			errors.rejectValue("tenantHeader", "fntrace.blank", "must not be blank");
		}
	}

	private static void checkRange(Errors errors, String field, int value, int min, int max) {
		if (value < min || value > max) {
			errors.rejectValue(field, "fntrace.range", new Object[] { min, max },
					"must be between " + min + " and " + max + ", was " + value);
		}
	}

	/**
	 * Insights the endpoint computes on the traces it serves.
	 */
	public static class Insights {

		/**
		 * How many runs of the same statement shape (SQL text, or repository operation
		 * and entity) in one call make an N+1 finding.
		 */
		private int nPlusOneThreshold = 5;

		/**
		 * How long a call takes at least to be flagged slow, for functions without their
		 * own threshold.
		 */
		private Duration slowThreshold = Duration.ofSeconds(1);

		/**
		 * Slow thresholds by function name, overriding slow-threshold.
		 */
		private Map<String, Duration> slowThresholds = new LinkedHashMap<>();

		public int getNPlusOneThreshold() {
			return this.nPlusOneThreshold;
		}

		public void setNPlusOneThreshold(int nPlusOneThreshold) {
			this.nPlusOneThreshold = nPlusOneThreshold;
		}

		public Duration getSlowThreshold() {
			return this.slowThreshold;
		}

		public void setSlowThreshold(Duration slowThreshold) {
			this.slowThreshold = slowThreshold;
		}

		public Map<String, Duration> getSlowThresholds() {
			return this.slowThresholds;
		}

		public void setSlowThresholds(Map<String, Duration> slowThresholds) {
			this.slowThresholds = slowThresholds;
		}

		/**
		 * When a call is slow, by these settings: the one definition the endpoint and the
		 * log lines share.
		 * @return the thresholds
		 */
		SlowCallThresholds slowCallThresholds() {
			Map<String, Double> thresholdsMs = new LinkedHashMap<>();
			this.slowThresholds.forEach((fnName, threshold) -> thresholdsMs.put(fnName, millis(threshold)));
			return new SlowCallThresholds(millis(this.slowThreshold), thresholdsMs);
		}

		private static double millis(Duration duration) {
			return duration.toNanos() / 1_000_000.0;
		}

	}

	/**
	 * Slow and failed calls written as log lines.
	 */
	public static class Logging {

		/**
		 * Whether to write slow and failed calls as one log line each to the
		 * 'dev.fntrace.calls' logger, with the call's facts as key-value pairs that
		 * structured logging writes as fields.
		 */
		private boolean enabled = false;

		/**
		 * Whether to log slow calls (at INFO), as fntrace.insights.slow-threshold and
		 * slow-thresholds define them.
		 */
		private boolean slow = true;

		/**
		 * Whether to log failed calls, ended in error or rolled back (at WARN).
		 */
		private boolean failed = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public boolean isSlow() {
			return this.slow;
		}

		public void setSlow(boolean slow) {
			this.slow = slow;
		}

		public boolean isFailed() {
			return this.failed;
		}

		public void setFailed(boolean failed) {
			this.failed = failed;
		}

	}

	/**
	 * A file of recent traces that survives a restart.
	 */
	public static class File {

		/**
		 * The file to append every trace to as a line of JSON, and to read back into the
		 * log at start-up. Unset, no file is written.
		 */
		private Path path;

		/**
		 * The size at which the file rolls over to '<path>.1', replacing the one rolled
		 * before, so the two hold at most twice this.
		 */
		private DataSize maxSize = DataSize.ofMegabytes(10);

		public Path getPath() {
			return this.path;
		}

		public void setPath(Path path) {
			this.path = path;
		}

		public DataSize getMaxSize() {
			return this.maxSize;
		}

		public void setMaxSize(DataSize maxSize) {
			this.maxSize = maxSize;
		}

	}

}
