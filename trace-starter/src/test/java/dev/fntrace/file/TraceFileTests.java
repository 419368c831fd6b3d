package dev.fntrace.file;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.fntrace.log.InMemoryTraceLog;
import dev.fntrace.log.TraceQuery;
import dev.fntrace.model.DbOp;
import dev.fntrace.model.FnOutcome;
import dev.fntrace.model.FnTrace;
import dev.fntrace.model.FnType;
import dev.fntrace.model.OpTrace;
import dev.fntrace.model.ScheduleStatus;
import dev.fntrace.model.ScheduleTrace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TraceFile}: what it writes reads back the same, under Jackson 3 and
 * Jackson 2; it rolls at its cap; it skips bad lines; it never blocks or fails the
 * caller.
 */
class TraceFileTests {

	@TempDir
	Path dir;

	private final Map<String, Throwable> failures = new LinkedHashMap<>();

	static Stream<Arguments> codecs() {
		return Stream.of(Arguments.of("Jackson 3", new Jackson3TraceCodec()),
				Arguments.of("Jackson 2", new Jackson2TraceCodec()));
	}

	static List<FnTrace> everyKindOfTrace() {
		List<OpTrace> ops = List.of(new OpTrace(DbOp.QUERY, "lot", "7", 0.25, 1.5, 3L, true, "select * from lot", 4),
				new OpTrace(DbOp.INSERT, "bid", null, 2.0, 1.0, null, false, null, null));
		List<ScheduleTrace> schedules = List.of(new ScheduleTrace("closeLot", 5000L, null, ScheduleStatus.PENDING),
				new ScheduleTrace("notify", null, 1_700_000_009_000L, null));
		return List.of(
				new FnTrace("c-1", "placeBid", FnType.MUTATION, "u-1", "t-1", "p-1", "s-1", 1_700_000_000_123L, 2.5,
						FnOutcome.OK, ops, 3, 10, 2, schedules, 1),
				trace("c-2", new FnOutcome.Ok("{\"id\":7,\"names\":[\"a\",\"b\"],\"note\":\"x\\ny\"}")),
				trace("c-3", new FnOutcome.Ok("\"just text\"")), trace("c-4", new FnOutcome.Ok("42")),
				trace("c-5", new FnOutcome.Ok("null")), trace("c-6", new FnOutcome.Errored("LOT_CLOSED", "closed")),
				trace("c-7", new FnOutcome.Errored("IllegalStateException", null)),
				trace("c-8", new FnOutcome.RolledBack("BID_TOO_LOW", "too low: 5 < 7")), new FnTrace("c-9", "getLots",
						FnType.QUERY, null, null, null, null, 1L, 0.001, FnOutcome.OK, List.of(), 0, 0, 0, List.of()));
	}

	private static FnTrace trace(String callId, FnOutcome outcome) {
		return new FnTrace(callId, "placeBid", FnType.ACTION, null, null, null, null, 1_700_000_000_000L, 1.0, outcome,
				List.of(), 0, 0, 0, List.of());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("codecs")
	void everyKindOfTraceReadsBackEqual(String name, TraceCodec codec) throws IOException {
		for (FnTrace trace : everyKindOfTrace()) {
			String json = codec.write(trace);
			assertThat(codec.read(json)).isEqualTo(trace);
		}
	}

	@Test
	void bothJacksonVersionsWriteTheSameLines() throws IOException {
		TraceCodec jackson3 = new Jackson3TraceCodec();
		TraceCodec jackson2 = new Jackson2TraceCodec();
		for (FnTrace trace : everyKindOfTrace()) {
			assertThat(jackson3.write(trace)).isEqualTo(jackson2.write(trace));
			assertThat(jackson2.read(jackson3.write(trace))).isEqualTo(trace);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("codecs")
	void tracesWrittenAreReloadedOldestFirst(String name, TraceCodec codec) {
		Path path = this.dir.resolve("traces.jsonl");
		List<FnTrace> traces = everyKindOfTrace();
		try (TraceFile file = file(path, 1_000_000, codec)) {
			file.start();
			traces.forEach(file::accept);
		}
		InMemoryTraceLog log = new InMemoryTraceLog(100);
		assertThat(file(path, 1_000_000, codec).reloadInto(log)).isEqualTo(traces.size());
		List<FnTrace> newestFirst = new ArrayList<>(traces);
		Collections.reverse(newestFirst);
		assertThat(log.find(TraceQuery.newest(100))).containsExactlyElementsOf(newestFirst);
		assertThat(this.failures).isEmpty();
	}

	@Test
	void writesOneLinePerTraceEvenWhenAValueSpansLines() throws IOException {
		Path path = this.dir.resolve("traces.jsonl");
		FnTrace indented = trace("c-1", new FnOutcome.Ok("{\n  \"id\" : 7\n}"));
		try (TraceFile file = file(path, 1_000_000, new Jackson3TraceCodec())) {
			file.start();
			file.accept(indented);
			file.accept(trace("c-2", FnOutcome.OK));
		}
		assertThat(Files.readAllLines(path)).hasSize(2);
		InMemoryTraceLog log = new InMemoryTraceLog(10);
		file(path, 1_000_000, new Jackson3TraceCodec()).reloadInto(log);
		assertThat(log.findByCallId("c-1")).map(FnTrace::outcome).contains(new FnOutcome.Ok("{\"id\":7}"));
	}

	@Test
	void rollsToOneOlderFileAtTheCap() throws IOException {
		Path path = this.dir.resolve("traces.jsonl");
		TraceCodec codec = new Jackson3TraceCodec();
		int lineLength = codec.write(trace("c-00", FnOutcome.OK)).length() + 1;
		long cap = lineLength * 3L;
		try (TraceFile file = file(path, cap, codec)) {
			file.start();
			for (int i = 0; i < 10; i++) {
				file.accept(trace("c-%02d".formatted(i), FnOutcome.OK));
			}
		}
		Path rolled = this.dir.resolve("traces.jsonl.1");
		// 10 lines, 3 to a file: 0-2 and 3-5 were rolled away, 6-8 rolled, 9 current
		assertThat(Files.size(path)).isEqualTo(lineLength);
		assertThat(Files.size(rolled)).isEqualTo(cap);
		assertThat(this.dir).isDirectoryContaining((p) -> p.equals(rolled))
			.isDirectoryNotContaining((p) -> p.getFileName().toString().endsWith(".2"));
		InMemoryTraceLog log = new InMemoryTraceLog(100);
		file(path, cap, codec).reloadInto(log);
		assertThat(log.find(TraceQuery.newest(100))).extracting(FnTrace::callId)
			.containsExactly("c-09", "c-08", "c-07", "c-06");
	}

	@Test
	void reloadsNoMoreThanTheLogHoldsKeepingTheNewest() {
		Path path = this.dir.resolve("traces.jsonl");
		try (TraceFile file = file(path, 1_000_000, new Jackson3TraceCodec())) {
			file.start();
			for (int i = 0; i < 10; i++) {
				file.accept(trace("c-" + i, FnOutcome.OK));
			}
		}
		InMemoryTraceLog log = new InMemoryTraceLog(3);
		assertThat(file(path, 1_000_000, new Jackson3TraceCodec()).reloadInto(log)).isEqualTo(3);
		assertThat(log.find(TraceQuery.newest(10))).extracting(FnTrace::callId).containsExactly("c-9", "c-8", "c-7");
	}

	@Test
	void appendsAfterTheTracesOfAnEarlierRun() {
		Path path = this.dir.resolve("traces.jsonl");
		try (TraceFile file = file(path, 1_000_000, new Jackson3TraceCodec())) {
			file.start();
			file.accept(trace("c-1", FnOutcome.OK));
		}
		try (TraceFile file = file(path, 1_000_000, new Jackson3TraceCodec())) {
			file.start();
			file.accept(trace("c-2", FnOutcome.OK));
		}
		InMemoryTraceLog log = new InMemoryTraceLog(10);
		file(path, 1_000_000, new Jackson3TraceCodec()).reloadInto(log);
		assertThat(log.find(TraceQuery.newest(10))).extracting(FnTrace::callId).containsExactly("c-2", "c-1");
	}

	@Test
	void badLinesAreSkippedAndCounted() throws IOException {
		Path path = this.dir.resolve("traces.jsonl");
		TraceCodec codec = new Jackson3TraceCodec();
		List<String> lines = new ArrayList<>();
		lines.add(codec.write(trace("c-1", FnOutcome.OK)));
		lines.add("not json");
		lines.add("[1, 2]");
		lines.add("{\"call_id\":\"c-x\",\"fn_type\":\"no such type\"}");
		lines.add("");
		lines.add(codec.write(trace("c-2", FnOutcome.OK)));
		String cut = codec.write(trace("c-3", FnOutcome.OK));
		Files.writeString(path, String.join("\n", lines) + "\n" + cut.substring(0, cut.length() / 2),
				StandardCharsets.UTF_8);
		InMemoryTraceLog log = new InMemoryTraceLog(10);
		TraceFile file = file(path, 1_000_000, codec);
		assertThat(file.reloadInto(log)).isEqualTo(2);
		assertThat(log.find(TraceQuery.newest(10))).extracting(FnTrace::callId).containsExactly("c-2", "c-1");
		assertThat(file.badLineCount()).isEqualTo(4);
		assertThat(this.failures).containsKey("read a trace from " + path + " (the line is skipped)");
	}

	@Test
	void aLineCutInsideACharacterLosesOnlyThatLine() throws IOException {
		Path path = this.dir.resolve("traces.jsonl");
		TraceCodec codec = new Jackson3TraceCodec();
		byte[] good = (codec.write(trace("c-1", new FnOutcome.Errored("X", "Zürich"))) + "\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] cut = codec.write(trace("c-2", new FnOutcome.Errored("X", "Zürich"))).getBytes(StandardCharsets.UTF_8);
		int insideUmlaut = new String(cut, StandardCharsets.UTF_8).indexOf('ü') + 1;
		Files.write(path, good);
		Files.write(path, Arrays.copyOf(cut, insideUmlaut), StandardOpenOption.APPEND);
		InMemoryTraceLog log = new InMemoryTraceLog(10);
		TraceFile file = file(path, 1_000_000, codec);
		assertThat(file.reloadInto(log)).isEqualTo(1);
		assertThat(log.findByCallId("c-1")).isPresent();
		assertThat(file.badLineCount()).isEqualTo(1);
	}

	@Test
	void reloadingWithoutFilesReadsNothing() {
		InMemoryTraceLog log = new InMemoryTraceLog(10);
		assertThat(file(this.dir.resolve("none.jsonl"), 1000, new Jackson3TraceCodec()).reloadInto(log)).isZero();
		assertThat(this.failures).isEmpty();
	}

	@Test
	void tracesBeyondTheQueueAreDroppedAndCountedWithoutBlocking() {
		TraceFile file = new TraceFile(this.dir.resolve("traces.jsonl"), 1000, new Jackson3TraceCodec(), 2,
				this.failures::put);
		// not started: nothing takes from the queue
		for (int i = 0; i < 5; i++) {
			file.accept(trace("c-" + i, FnOutcome.OK));
		}
		assertThat(file.droppedCount()).isEqualTo(3);
		assertThat(this.failures.get("write a trace to " + this.dir.resolve("traces.jsonl")))
			.isInstanceOf(TraceFile.QueueFullException.class);
	}

	@Test
	void aPathThatCannotBeWrittenIsReportedNotThrown() throws IOException {
		Path notADirectory = Files.writeString(this.dir.resolve("file"), "x");
		Path path = notADirectory.resolve("traces.jsonl");
		try (TraceFile file = file(path, 1000, new Jackson3TraceCodec())) {
			assertThat(file.reloadInto(new InMemoryTraceLog(10))).isZero();
			file.start();
			file.accept(trace("c-1", FnOutcome.OK));
		}
		assertThat(this.failures).containsKeys("open " + path, "write a trace to " + path);
	}

	@Test
	void tracesAfterCloseAreIgnored() throws IOException {
		Path path = this.dir.resolve("traces.jsonl");
		TraceFile file = file(path, 1000, new Jackson3TraceCodec());
		file.start();
		file.close();
		file.accept(trace("c-1", FnOutcome.OK));
		assertThat(Files.readAllLines(path)).isEmpty();
		assertThat(file.droppedCount()).isZero();
	}

	private TraceFile file(Path path, long maxSize, TraceCodec codec) {
		return new TraceFile(path, maxSize, codec, TraceFile.DEFAULT_QUEUE_CAPACITY, this.failures::put);
	}

}
