package dev.fntrace.benchmarks;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

import dev.fntrace.log.InMemoryTraceLog;
import dev.fntrace.model.DbOp;
import dev.fntrace.model.FnOutcome;
import dev.fntrace.model.FnTrace;
import dev.fntrace.model.FnType;
import org.openjdk.jol.info.GraphLayout;
import org.openjdk.jol.vm.VM;

/**
 * Prints the heap a trace retains, measured with JOL: everything reachable from the
 * {@link FnTrace} except what it shares with every other trace (function name, user, SQL
 * text, entity names, enum constants), which a real app holds once. Run with
 * {@code java -cp target/benchmarks.jar dev.fntrace.benchmarks.TraceFootprint}.
 */
public final class TraceFootprint {

	private TraceFootprint() {
	}

	public static void main(String[] args) {
		// records' fields have no Unsafe offset: JOL finds them by probing
		System.setProperty("jol.magicFieldOffset", "true");
		System.out.println(VM.current().details());
		SampleTraces samples = new SampleTraces();
		FnTrace empty = samples.trace("placeBid", 0, false);
		FnTrace tenOps = samples.trace("placeBid", 10, false);
		System.out.printf("empty trace (no ops):   %5d bytes retained (%d reachable)%n", retained(empty),
				GraphLayout.parseInstance(empty).totalSize());
		System.out.printf("trace with 10 SQL ops:  %5d bytes retained (%d reachable)%n", retained(tenOps),
				GraphLayout.parseInstance(tenOps).totalSize());
		InMemoryTraceLog log = new InMemoryTraceLog(1000);
		for (int i = 0; i < 1000; i++) {
			log.accept(samples.trace("placeBid", 0, false));
		}
		System.out.printf("a full default log (1 000 empty traces): %d bytes retained%n", retained(log));
		// once the ring went round, its slots beyond the capacity (room for leases) hold
		// evicted traces until they are overwritten
		for (int i = 0; i < 3000; i++) {
			log.accept(samples.trace("placeBid", 0, false));
		}
		System.out.printf("the same log after 4 000 pushes (1 000 shown, the rest evicted): %d bytes retained%n",
				retained(log));
		System.out.println(GraphLayout.parseInstance(tenOps).subtract(shared()).toFootprint());
	}

	private static long retained(Object root) {
		return GraphLayout.parseInstance(root).subtract(shared()).totalSize();
	}

	private static GraphLayout shared() {
		List<Object> shared = new ArrayList<>(List.of(DbOp.values()));
		shared.addAll(List.of(FnType.values()));
		shared.addAll(List.of(SampleTraces.SQL));
		shared.addAll(List.of(SampleTraces.ENTITIES));
		shared.addAll(List.of("placeBid", SampleTraces.USER, FnOutcome.OK, List.of(), Long.valueOf(1)));
		shared.add(noExtras());
		return GraphLayout.parseInstance(shared.toArray());
	}

	/**
	 * The value every trace without dropped ops, streamed bytes or span ids shares.
	 * @return the shared value
	 */
	private static Object noExtras() {
		try {
			Field extras = FnTrace.class.getDeclaredField("extras");
			extras.setAccessible(true);
			return extras.get(new SampleTraces().trace("placeBid", 0, false));
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
