import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Prints the bytes a JVM allocated during a JFR recording made with {@code allocation.jfc}: each
 * thread's running total ({@code jdk.ThreadAllocationStatistics}) is taken when the recording
 * starts and when it stops, and the differences are added up. A thread started during the
 * recording counts from zero. Run as a single-file program: {@code java AllocatedBytes.java rec.jfr}.
 */
public final class AllocatedBytes {

	public static void main(String[] args) throws IOException {
		List<RecordedEvent> events = RecordingFile.readAllEvents(Path.of(args[0]))
			.stream()
			.filter((event) -> event.getEventType().getName().equals("jdk.ThreadAllocationStatistics"))
			.toList();
		Instant begin = events.stream().map(RecordedEvent::getStartTime).min(Instant::compareTo).orElseThrow();
		Instant beginBatch = begin.plus(Duration.ofMillis(500));
		Map<Long, Long> atBegin = new HashMap<>();
		Map<Long, Long> atEnd = new HashMap<>();
		for (RecordedEvent event : events) {
			long thread = event.getThread("thread").getJavaThreadId();
			long allocated = event.getLong("allocated");
			if (event.getStartTime().isBefore(beginBatch)) {
				atBegin.merge(thread, allocated, Math::min);
			}
			else {
				atEnd.merge(thread, allocated, Math::max);
			}
		}
		long total = 0;
		for (Map.Entry<Long, Long> end : atEnd.entrySet()) {
			total += end.getValue() - atBegin.getOrDefault(end.getKey(), 0L);
		}
		System.out.println(total);
	}

}
