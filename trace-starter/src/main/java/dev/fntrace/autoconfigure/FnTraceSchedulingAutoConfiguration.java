package dev.fntrace.autoconfigure;

import dev.fntrace.FnScheduler;
import dev.fntrace.capture.TraceRecorder;
import dev.fntrace.capture.TracingFailures;
import dev.fntrace.capture.scheduling.AsyncCallRecordingPostProcessor;
import dev.fntrace.capture.scheduling.TaskSchedulerRecordingAdvisor;
import dev.fntrace.capture.scheduling.TaskSchedulerRecordingInterceptor;
import dev.fntrace.capture.scheduling.TracingFnScheduler;
import io.micrometer.context.ContextSnapshotFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.Async;

/**
 * Auto-configuration of what a traced call schedules and where its work travels: the
 * {@link FnScheduler}, recording of work handed to a {@link TaskScheduler} or an {@code @Async}
 * method, and a context-propagating {@link TaskDecorator} so executors carry the current trace.
 */
@AutoConfiguration(after = FnTraceAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = { "fntrace.enabled", "fntrace.scheduling.enabled" }, matchIfMissing = true)
public final class FnTraceSchedulingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(TraceRecorder.class)
	FnScheduler fnScheduler(ObjectProvider<TaskScheduler> taskScheduler, ObjectProvider<TraceRecorder> recorder) {
		return new TracingFnScheduler(taskScheduler::getIfUnique, recorder::getObject);
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	@ConditionalOnMissingBean
	static TaskSchedulerRecordingAdvisor fnTaskSchedulerRecordingAdvisor(ObjectProvider<TraceRecorder> recorder,
			ObjectProvider<TracingFailures> failures) {
		return new TaskSchedulerRecordingAdvisor(
				new TaskSchedulerRecordingInterceptor(recorder::getObject, failures::getObject));
	}

	@Bean
	@ConditionalOnClass(Async.class)
	@ConditionalOnMissingBean
	static AsyncCallRecordingPostProcessor fnAsyncCallRecordingPostProcessor() {
		return new AsyncCallRecordingPostProcessor();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ ContextSnapshotFactory.class, ContextPropagatingTaskDecorator.class })
	@ConditionalOnBooleanProperty(name = "fntrace.propagation.enabled", matchIfMissing = true)
	static class ContextPropagationConfiguration {

		@Bean
		@ConditionalOnMissingBean(TaskDecorator.class)
		ContextPropagatingTaskDecorator fnContextPropagatingTaskDecorator() {
			return new ContextPropagatingTaskDecorator();
		}

	}

}
