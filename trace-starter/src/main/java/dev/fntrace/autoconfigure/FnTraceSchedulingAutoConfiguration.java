package dev.fntrace.autoconfigure;

import dev.fntrace.FnScheduler;
import dev.fntrace.capture.TraceContextTaskDecorator;
import dev.fntrace.capture.TraceRecorder;
import dev.fntrace.capture.TracingFailures;
import dev.fntrace.capture.scheduling.AfterCommit;
import dev.fntrace.capture.scheduling.AsyncCallRecordingPostProcessor;
import dev.fntrace.capture.scheduling.TaskSchedulerRecordingAdvisor;
import dev.fntrace.capture.scheduling.TracingFnScheduler;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.task.TaskDecorator;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Auto-configuration of what a traced call schedules and where its work travels: the
 * {@link FnScheduler}, recording of work handed to a {@link TaskScheduler} or an
 * {@code @Async} method, and a {@link TaskDecorator} so executors carry the current
 * trace. The {@link FnScheduler} is there even with tracing off
 * ({@code fntrace.enabled=false} or {@code fntrace.scheduling.enabled=false}), so code
 * that uses it keeps working: it then schedules untraced. Inside a transaction it defers
 * to the commit only where spring-tx is present.
 */
@AutoConfiguration(after = FnTraceAutoConfiguration.class)
@EnableConfigurationProperties(FnTraceProperties.class)
public final class FnTraceSchedulingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	FnScheduler fnScheduler(ObjectProvider<TaskScheduler> taskScheduler, ObjectProvider<TraceRecorder> recorder,
			ObjectProvider<AfterCommit> afterCommit, FnTraceProperties properties) {
		boolean recording = properties.isEnabled() && properties.getScheduling().isEnabled();
		return new TracingFnScheduler(taskScheduler::getIfUnique, () -> recording ? recorder.getIfAvailable() : null,
				afterCommit.getIfAvailable(() -> AfterCommit.NEVER));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(TransactionSynchronizationManager.class)
	static class TransactionAfterCommitConfiguration {

		@Bean
		@ConditionalOnMissingBean
		AfterCommit fnAfterCommit() {
			return AfterCommit.transactionSynchronization();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = { "fntrace.enabled", "fntrace.scheduling.enabled" }, matchIfMissing = true)
	static class SchedulingRecordingConfiguration {

		@Bean
		@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
		@ConditionalOnMissingBean
		static TaskSchedulerRecordingAdvisor fnTaskSchedulerRecordingAdvisor(ObjectProvider<TraceRecorder> recorder,
				ObjectProvider<TracingFailures> failures) {
			return new TaskSchedulerRecordingAdvisor(recorder::getIfAvailable, failures::getObject);
		}

		@Bean
		@ConditionalOnClass(Async.class)
		@ConditionalOnMissingBean
		static AsyncCallRecordingPostProcessor fnAsyncCallRecordingPostProcessor() {
			return new AsyncCallRecordingPostProcessor();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = { "fntrace.enabled", "fntrace.propagation.enabled" }, matchIfMissing = true)
	static class PropagationConfiguration {

		@Bean
		@ConditionalOnMissingBean
		TraceContextTaskDecorator fnTraceContextTaskDecorator() {
			return new TraceContextTaskDecorator();
		}

	}

}
