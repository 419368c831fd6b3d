package dev.fntrace.shapes.noweb;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.fntrace.FnScheduler;
import dev.fntrace.log.TraceLog;
import org.junit.jupiter.api.Test;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same application with {@code fntrace.enabled=false}: nothing is traced, and code
 * that uses the {@link FnScheduler} still starts and runs its work.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "fntrace.enabled=false")
class NoWebTracingDisabledShapeTests {

	@Autowired
	private ApplicationContext context;

	@Autowired
	private Greeter greeter;

	@Test
	void tracesNothing() {
		assertThat(this.greeter.greet("Ada")).isEqualTo("Hello, Ada");
		assertThat(AopUtils.isAopProxy(this.greeter)).as("the traced bean is proxied").isFalse();
		assertThat(this.context.getBeanNamesForType(TraceLog.class)).isEmpty();
	}

	@Test
	void fnSchedulerStillRunsWork() throws InterruptedException {
		CountDownLatch reminded = new CountDownLatch(1);
		this.greeter.remindLater(reminded::countDown);
		assertThat(reminded.await(10, TimeUnit.SECONDS)).as("the reminder ran").isTrue();
	}

}
