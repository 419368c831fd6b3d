import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Prints which share of the app's sampled CPU time and of its sampled allocation is fntrace's,
 * from a JFR recording made with {@code share.jfc} ({@code jdk.ExecutionSample} and
 * {@code jdk.ObjectAllocationSample}), in two measures:
 * <ul>
 * <li><b>own</b>: the sample's innermost frame that is not the JDK's is fntrace's (not the sample
 * app's) or datasource-proxy's. So fntrace is charged for its own code only; the Spring AOP
 * frames its advisor adds are charged to Spring, and the Micrometer and tracer code its span
 * export and meters call to the app.</li>
 * <li><b>with what it calls</b>: the own samples, and those whose innermost fntrace (or
 * datasource-proxy) frame called into something other than the work it wraps: Micrometer, the
 * tracer, JDK collections and strings. A sample is the wrapped work's, not fntrace's, when that
 * fntrace frame hands a call on (an interceptor, a filter, a task, a JDBC delegate) and the frame
 * it called belongs to the code fntrace stands in front of: Spring's AOP chain and proxies, the
 * JDBC driver and pool, the servlet container and Spring's web, security, data and transaction
 * code, Hibernate, the app itself, reflection and executors.</li>
 * </ul>
 * Prints {@code own-cpu-% cpu-samples own-allocation-% calls-cpu-% calls-allocation-%}. Run as a
 * single-file program: {@code java FnTraceShare.java rec.jfr}.
 */
public final class FnTraceShare {

	/** The sample app's classes: the app's, though they live under {@code dev.fntrace}. */
	private static final String SAMPLE_APP = "dev.fntrace.sample.";

	/** Where a call from fntrace goes into the work it wraps (a prefix of the callee's class). */
	private static final List<String> WRAPPED = List.of("org.springframework.aop.", "org.springframework.cglib.",
			"org.springframework.web.", "org.springframework.http.", "org.springframework.security.",
			"org.springframework.data.", "org.springframework.transaction.", "org.springframework.orm.",
			"org.springframework.jdbc.", "org.springframework.scheduling.", "org.springframework.core.task.",
			"org.springframework.boot.web.", "org.springframework.boot.tomcat.", "org.h2.", "com.zaxxer.",
			"org.apache.catalina.", "org.apache.coyote.", "org.apache.tomcat.", "jakarta.servlet.", "org.hibernate.",
			SAMPLE_APP, "jdk.internal.reflect.", "java.lang.reflect.", "java.lang.invoke.",
			"java.util.concurrent.", "java.lang.Thread", "java.io.", "sun.nio.");

	/** The methods by which fntrace frames hand a call on (see {@link #passesThrough}). */
	private static final Set<String> PASS_THROUGH = Set.of("invoke", "record", "proceed", "doFilter", "run", "call",
			"execute", "submit", "schedule", "scheduleAtFixedRate", "scheduleWithFixedDelay", "apply", "accept");

	/** Whose a sample is. */
	private enum Charge {

		/** The app's, or the work fntrace wraps. */
		APP,

		/** fntrace's own code's. */
		OWN,

		/** Code fntrace calls for its own sake: Micrometer, the tracer, the JDK. */
		CALLS

	}

	public static void main(String[] args) throws IOException {
		List<RecordedEvent> events = RecordingFile.readAllEvents(Path.of(args[0]));
		long cpuSamples = 0;
		long cpuOwn = 0;
		long cpuCalls = 0;
		double allocated = 0;
		double allocatedOwn = 0;
		double allocatedCalls = 0;
		for (RecordedEvent event : events) {
			String type = event.getEventType().getName();
			if (type.equals("jdk.ExecutionSample")) {
				cpuSamples++;
				Charge charge = charge(event.getStackTrace());
				cpuOwn += (charge == Charge.OWN) ? 1 : 0;
				cpuCalls += (charge != Charge.APP) ? 1 : 0;
			}
			else if (type.equals("jdk.ObjectAllocationSample")) {
				long weight = event.getLong("weight");
				allocated += weight;
				Charge charge = charge(event.getStackTrace());
				allocatedOwn += (charge == Charge.OWN) ? weight : 0;
				allocatedCalls += (charge != Charge.APP) ? weight : 0;
			}
		}
		System.out.printf("%.2f %d %.2f %.2f %.2f%n", percent(cpuOwn, cpuSamples), cpuSamples,
				percent(allocatedOwn, allocated), percent(cpuCalls, cpuSamples), percent(allocatedCalls, allocated));
	}

	/**
	 * {@link Charge#OWN} when the innermost frame that is not the JDK's is fntrace's,
	 * {@link Charge#CALLS} when the innermost fntrace frame called something other than the work it
	 * wraps, else {@link Charge#APP}.
	 */
	private static Charge charge(RecordedStackTrace stack) {
		if (stack == null) {
			return Charge.APP;
		}
		List<RecordedFrame> frames = stack.getFrames();
		boolean libraryBelow = false;
		for (int i = 0; i < frames.size(); i++) {
			String name = frames.get(i).getMethod().getType().getName();
			if (isFnTrace(name)) {
				if (!libraryBelow) {
					return Charge.OWN;
				}
				String callee = frames.get(i - 1).getMethod().getType().getName();
				return (passesThrough(frames.get(i)) && isWrapped(callee)) ? Charge.APP : Charge.CALLS;
			}
			if (!isJdk(name)) {
				if (name.startsWith(SAMPLE_APP)) {
					return Charge.APP;
				}
				libraryBelow = true;
			}
		}
		return Charge.APP;
	}

	private static boolean isFnTrace(String name) {
		return (name.startsWith("dev.fntrace.") && !name.startsWith(SAMPLE_APP))
				|| name.startsWith("net.ttddyy.");
	}

	/**
	 * Whether an fntrace frame hands the call it stands in front of on: an interceptor, a
	 * filter, a task or callback, a JDBC delegate, a counting stream. Other fntrace frames call
	 * the container or Spring for fntrace's own sake (reading a header, say), and what they call
	 * is fntrace's.
	 */
	private static boolean passesThrough(RecordedFrame frame) {
		String type = frame.getMethod().getType().getName();
		String method = frame.getMethod().getName();
		return type.startsWith("dev.fntrace.capture.jdbc.") || type.startsWith("net.ttddyy.")
				|| type.startsWith("dev.fntrace.capture.web.Counting")
				|| type.equals("dev.fntrace.capture.web.StreamCountingResponse") || PASS_THROUGH.contains(method)
				|| method.startsWith("lambda$");
	}

	private static boolean isWrapped(String callee) {
		for (String prefix : WRAPPED) {
			if (callee.startsWith(prefix)) {
				return true;
			}
		}
		return callee.contains("$$SpringCGLIB$$");
	}

	private static boolean isJdk(String name) {
		return name.startsWith("java.") || name.startsWith("jdk.") || name.startsWith("sun.")
				|| name.startsWith("com.sun.");
	}

	private static double percent(double part, double whole) {
		return (whole > 0) ? 100 * part / whole : 0;
	}

}
