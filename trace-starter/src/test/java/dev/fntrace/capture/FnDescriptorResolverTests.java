package dev.fntrace.capture;

import java.lang.reflect.Method;
import java.util.List;

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
