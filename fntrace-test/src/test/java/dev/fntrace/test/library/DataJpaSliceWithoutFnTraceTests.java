package dev.fntrace.test.library;

import dev.fntrace.log.TraceLog;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link dev.fntrace.test.AutoConfigureFnTrace @AutoConfigureFnTrace} adds to a
 * slice: without it, a {@code @DataJpaTest} has no fntrace at all.
 */
@DataJpaTest
class DataJpaSliceWithoutFnTraceTests {

	@Autowired
	private ApplicationContext context;

	@Test
	void sliceAloneRecordsNoTraces() {
		assertThat(this.context.getBeanProvider(TraceLog.class).getIfAvailable()).isNull();
		assertThat(this.context.getBeanNamesForType(TraceLog.class)).isEmpty();
	}

}
