package dev.fntrace.autoconfigure;

import javax.sql.DataSource;

import dev.fntrace.actuate.FnTracesEndpoint;
import dev.fntrace.capture.TraceRecorder;
import dev.fntrace.capture.TracedAdvisor;
import dev.fntrace.capture.identity.TenantIdResolver;
import dev.fntrace.capture.identity.UserIdResolver;
import dev.fntrace.capture.jdbc.SqlOpListener;
import dev.fntrace.capture.jdbc.TracingDataSourcePostProcessor;
import dev.fntrace.capture.tx.RollbackRecorder;
import dev.fntrace.log.InMemoryTraceLog;
import dev.fntrace.log.TraceLog;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import org.junit.jupiter.api.Test;

import dev.fntrace.FnScheduler;
import dev.fntrace.capture.data.TracingRepositoryPostProcessor;
import dev.fntrace.capture.scheduling.AsyncCallRecordingPostProcessor;
import dev.fntrace.capture.scheduling.TaskSchedulerRecordingAdvisor;
import dev.fntrace.capture.web.DeferredResultResultHandler;
import dev.fntrace.capture.web.ResponseBodyEmitterResultHandler;
import dev.fntrace.capture.web.StreamCountingFilter;
import dev.fntrace.capture.web.StreamingResponseBodyResultHandler;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auto-configuration's defaults, its back-off to the application's beans, and switching it off.
 */
class FnTraceAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(FnTraceAutoConfiguration.class, FnTraceJdbcAutoConfiguration.class,
				FnTraceTransactionAutoConfiguration.class, FnTracesEndpointAutoConfiguration.class,
				FnTraceSchedulingAutoConfiguration.class, FnTraceDataAutoConfiguration.class,
				FnTraceWebAutoConfiguration.class));

	private final WebApplicationContextRunner webRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(FnTraceAutoConfiguration.class, FnTraceWebAutoConfiguration.class));

	@Test
	void recordsIntoAnInMemoryLogByDefault() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(InMemoryTraceLog.class);
			assertThat(context.getBean(TraceLog.class).capacity()).isEqualTo(1000);
			assertThat(context).hasSingleBean(TracedAdvisor.class);
			assertThat(context).hasSingleBean(TraceRecorder.class);
			assertThat(context).hasSingleBean(UserIdResolver.class);
			assertThat(context).hasSingleBean(TenantIdResolver.class);
			assertThat(context).hasSingleBean(RollbackRecorder.class);
			assertThat(context).hasSingleBean(SqlOpListener.class);
			assertThat(context).hasSingleBean(TracingDataSourcePostProcessor.class);
		});
	}

	@Test
	void capacityIsConfigurable() {
		this.runner.withPropertyValues("fntrace.capacity=25")
			.run((context) -> assertThat(context.getBean(TraceLog.class).capacity()).isEqualTo(25));
	}

	@Test
	void invalidCapacityFailsStartup() {
		this.runner.withPropertyValues("fntrace.capacity=0").run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void backsOffFromTheApplicationsLog() {
		this.runner.withBean("myLog", TraceLog.class, () -> new InMemoryTraceLog(7)).run((context) -> {
			assertThat(context).hasSingleBean(TraceLog.class);
			assertThat(context.getBean(TraceLog.class).capacity()).isEqualTo(7);
		});
	}

	@Test
	void backsOffFromTheApplicationsResolvers() {
		UserIdResolver users = () -> "u";
		TenantIdResolver tenants = () -> "t";
		this.runner.withBean(UserIdResolver.class, () -> users)
			.withBean(TenantIdResolver.class, () -> tenants)
			.run((context) -> {
				assertThat(context.getBean(UserIdResolver.class)).isSameAs(users);
				assertThat(context.getBean(TenantIdResolver.class)).isSameAs(tenants);
			});
	}

	@Test
	void disabledRecordsNothing() {
		this.runner.withPropertyValues("fntrace.enabled=false")
			.withBean(DataSource.class, SimpleDriverDataSource::new)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(TraceLog.class);
				assertThat(context).doesNotHaveBean(TracedAdvisor.class);
				assertThat(context).doesNotHaveBean(TracingDataSourcePostProcessor.class);
				assertThat(context).doesNotHaveBean(RollbackRecorder.class);
				assertThat(context.getBean(DataSource.class)).isNotInstanceOf(ProxyDataSource.class);
			});
	}

	@Test
	void wrapsDataSources() {
		this.runner.withBean(DataSource.class, SimpleDriverDataSource::new)
			.run((context) -> assertThat(context.getBean(DataSource.class)).isInstanceOf(ProxyDataSource.class));
	}

	@Test
	void leavesExcludedDataSourcesAlone() {
		this.runner.withPropertyValues("fntrace.jdbc.excluded-data-source-bean-names=reporting")
			.withBean("reporting", DataSource.class, SimpleDriverDataSource::new)
			.run((context) -> assertThat(context.getBean(DataSource.class)).isNotInstanceOf(ProxyDataSource.class));
	}

	@Test
	void jdbcCaptureCanBeSwitchedOff() {
		this.runner.withPropertyValues("fntrace.jdbc.enabled=false")
			.withBean(DataSource.class, SimpleDriverDataSource::new)
			.run((context) -> {
				assertThat(context.getBean(DataSource.class)).isNotInstanceOf(ProxyDataSource.class);
				assertThat(context).hasSingleBean(TraceLog.class);
			});
	}

	@Test
	void listensToTransactionManagers() {
		this.runner.withBean(DataSourceTransactionManager.class, () -> new DataSourceTransactionManager(
				new SimpleDriverDataSource()))
			.run((context) -> assertThat(
					context.getBean(DataSourceTransactionManager.class).getTransactionExecutionListeners())
				.containsExactly(context.getBean(RollbackRecorder.class)));
	}

	@Test
	void providesTheSchedulerAndPropagation() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(FnScheduler.class);
			assertThat(context).hasSingleBean(TaskSchedulerRecordingAdvisor.class);
			assertThat(context).hasSingleBean(AsyncCallRecordingPostProcessor.class);
			assertThat(context).hasSingleBean(ContextPropagatingTaskDecorator.class);
			assertThat(context).hasSingleBean(TracingRepositoryPostProcessor.class);
		});
	}

	@Test
	void backsOffFromTheApplicationsSchedulerAndTaskDecorator() {
		FnScheduler own = new FnScheduler() {

			@Override
			public void runAfter(java.time.Duration delay, String fnName, Runnable task) {
			}

			@Override
			public void runAt(java.time.Instant time, String fnName, Runnable task) {
			}

		};
		TaskDecorator decorator = (runnable) -> runnable;
		this.runner.withBean(FnScheduler.class, () -> own)
			.withBean(TaskDecorator.class, () -> decorator)
			.run((context) -> {
				assertThat(context.getBean(FnScheduler.class)).isSameAs(own);
				assertThat(context.getBean(TaskDecorator.class)).isSameAs(decorator);
			});
	}

	@Test
	void schedulingDataAndPropagationCanBeSwitchedOff() {
		this.runner
			.withPropertyValues("fntrace.scheduling.enabled=false", "fntrace.data.enabled=false",
					"fntrace.propagation.enabled=false")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(FnScheduler.class);
				assertThat(context).doesNotHaveBean(TaskSchedulerRecordingAdvisor.class);
				assertThat(context).doesNotHaveBean(TaskDecorator.class);
				assertThat(context).doesNotHaveBean(TracingRepositoryPostProcessor.class);
				assertThat(context).hasSingleBean(TraceLog.class);
			});
	}

	@Test
	void webAppsCountWhatStreamsSend() {
		this.webRunner.run((context) -> {
			assertThat(context).hasSingleBean(ResponseBodyEmitterResultHandler.class);
			assertThat(context).hasSingleBean(DeferredResultResultHandler.class);
			assertThat(context).hasSingleBean(StreamingResponseBodyResultHandler.class);
			assertThat(context.getBeansOfType(FilterRegistrationBean.class).values())
				.anySatisfy((registration) -> assertThat(registration.getFilter())
					.isInstanceOf(StreamCountingFilter.class));
		});
	}

	@Test
	void nonWebAppsHaveNoStreamCounting() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(ResponseBodyEmitterResultHandler.class));
	}

	@Test
	void endpointIsAbsentUnlessExposed() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(FnTracesEndpoint.class));
	}

	@Test
	void endpointIsPresentWhenExposed() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=fntraces")
			.run((context) -> assertThat(context).hasSingleBean(FnTracesEndpoint.class));
	}

	@Test
	void endpointBacksOffFromTheApplicationsEndpoint() {
		FnTracesEndpoint own = new FnTracesEndpoint(new InMemoryTraceLog(1),
				org.springframework.boot.actuate.endpoint.Show.ALWAYS, java.util.Set.of());
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=fntraces")
			.withBean(FnTracesEndpoint.class, () -> own)
			.run((context) -> assertThat(context.getBean(FnTracesEndpoint.class)).isSameAs(own));
	}

}
