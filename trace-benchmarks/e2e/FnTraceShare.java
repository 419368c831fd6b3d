import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Prints which share of the app's sampled CPU time and of its sampled allocation is fntrace's
 * own, from a JFR recording made with {@code share.jfc} ({@code jdk.ExecutionSample} and
 * {@code jdk.ObjectAllocationSample}). Each sample goes to the innermost frame that is not the
 * JDK's: to fntrace if that frame is fntrace's (not the sample app's) or datasource-proxy's,
 * to the app otherwise (Spring, Hibernate, H2, Tomcat, the sample app). So fntrace is charged
 * for its own code only; the Spring AOP frames its advisor adds are charged to Spring.
 * Run as a single-file program: {@code java FnTraceShare.java rec.jfr}.
 */
public final class FnTraceShare {

	public static void main(String[] args) throws IOException {
		List<RecordedEvent> events = RecordingFile.readAllEvents(Path.of(args[0]));
		long cpuSamples = 0;
		long cpuFnTrace = 0;
		double allocated = 0;
		double allocatedFnTrace = 0;
		for (RecordedEvent event : events) {
			String type = event.getEventType().getName();
			if (type.equals("jdk.ExecutionSample")) {
				cpuSamples++;
				if (isFnTrace(event.getStackTrace())) {
					cpuFnTrace++;
				}
			}
			else if (type.equals("jdk.ObjectAllocationSample")) {
				long weight = event.getLong("weight");
				allocated += weight;
				if (isFnTrace(event.getStackTrace())) {
					allocatedFnTrace += weight;
				}
			}
		}
		System.out.printf("%.2f %d %.2f%n", percent(cpuFnTrace, cpuSamples), cpuSamples,
				percent(allocatedFnTrace, allocated));
	}

	private static boolean isFnTrace(RecordedStackTrace stack) {
		if (stack == null) {
			return false;
		}
		for (RecordedFrame frame : stack.getFrames()) {
			String name = frame.getMethod().getType().getName();
			if (name.startsWith("java.") || name.startsWith("jdk.") || name.startsWith("sun.")
					|| name.startsWith("com.sun.")) {
				continue;
			}
			return (name.startsWith("dev.fntrace.") && !name.startsWith("dev.fntrace.sample."))
					|| name.startsWith("net.ttddyy.");
		}
		return false;
	}

	private static double percent(double part, double whole) {
		return (whole > 0) ? 100 * part / whole : 0;
	}

}
