package dev.fntrace.capture;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.fntrace.Traced;
import dev.fntrace.model.FnType;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FnDescriptorResolver}.
 */
class FnDescriptorResolverTests {

	private final FnDescriptorResolver resolver = new FnDescriptorResolver(List.of(), List.of("*Excluded*"));

	@Test
	void sameMethodAndTargetResolveToTheCachedDescriptor() throws Exception {
		Method method = Orders.class.getMethod("place");
		FnDescriptor first = this.resolver.resolve(method, Orders.class);
		assertThat(first.name()).isEqualTo("placeOrder");
		assertThat(first.type()).isEqualTo(FnType.MUTATION);
		assertThat(this.resolver.resolve(method, Orders.class)).isSameAs(first);
	}

	@Test
	void inheritedMethodIsDescribedPerTargetClass() throws Exception {
		Method method = Base.class.getMethod("run");
		FnDescriptor onReports = this.resolver.resolve(method, Reports.class);
		FnDescriptor onExcluded = this.resolver.resolve(method, ExcludedJobs.class);
		assertThat(onReports.name()).isEqualTo("Reports.run");
		assertThat(onReports.type()).isEqualTo(FnType.QUERY);
		assertThat(onReports.recorded()).isTrue();
		assertThat(onExcluded.name()).isEqualTo("ExcludedJobs.run");
		assertThat(onExcluded.type()).isEqualTo(FnType.ACTION);
		assertThat(onExcluded.recorded()).isFalse();
		assertThat(this.resolver.resolve(method, Reports.class)).isSameAs(onReports);
		assertThat(this.resolver.resolve(method, ExcludedJobs.class)).isSameAs(onExcluded);
	}

	@Test
	void callsOnTargetObjectsFindTheirOwnClassesDescriptorWhateverCameBefore() throws Exception {
		Method method = Base.class.getMethod("run");
		Object reports = new Reports();
		Object excluded = new ExcludedJobs();
		FnDescriptor onReports = this.resolver.resolveOn(method, reports);
		FnDescriptor onExcluded = this.resolver.resolveOn(method, excluded);
		assertThat(onReports.name()).isEqualTo("Reports.run");
		assertThat(onExcluded.name()).isEqualTo("ExcludedJobs.run");
		for (int i = 0; i < 1_000; i++) {
			assertThat(this.resolver.resolveOn(method, reports)).isSameAs(onReports);
			assertThat(this.resolver.resolveOn(method, excluded)).isSameAs(onExcluded);
			assertThat(this.resolver.resolveOn(Orders.class.getMethod("place"), new Orders()).name())
				.isEqualTo("placeOrder");
		}
		// the same answers as a lookup by class
		assertThat(this.resolver.resolve(method, Reports.class)).isSameAs(onReports);
		assertThat(this.resolver.resolve(method, ExcludedJobs.class)).isSameAs(onExcluded);
	}

	@Test
	void concurrentCallsOnTargetsOfSeveralClassesEachFindTheirOwnDescriptor() throws Exception {
		Method run = Base.class.getMethod("run");
		Method place = Orders.class.getMethod("place");
		Object[] targets = { new Reports(), new ExcludedJobs(), new Orders() };
		Method[] methods = { run, run, place };
		String[] names = { "Reports.run", "ExcludedJobs.run", "placeOrder" };
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			List<Future<Integer>> wrong = new ArrayList<>();
			for (int t = 0; t < 4; t++) {
				int first = t;
				wrong.add(threads.submit(() -> {
					int mismatches = 0;
					for (int i = 0; i < 20_000; i++) {
						int k = (first + i) % targets.length;
						if (!this.resolver.resolveOn(methods[k], targets[k]).name().equals(names[k])) {
							mismatches++;
						}
					}
					return mismatches;
				}));
			}
			for (Future<Integer> mismatches : wrong) {
				assertThat(mismatches.get(30, TimeUnit.SECONDS)).isZero();
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	static class Orders {

		@Traced("placeOrder")
		@Transactional
		public void place() {
		}

	}

	abstract static class Base {

		public void run() {
		}

	}

	@Traced
	@Transactional(readOnly = true)
	static class Reports extends Base {

	}

	@Traced
	static class ExcludedJobs extends Base {

	}

}
