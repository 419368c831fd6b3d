package dev.fntrace.benchmarks;

import java.util.concurrent.TimeUnit;

import dev.fntrace.Traced;
import dev.fntrace.log.TraceLog;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.annotation.Observed;
import io.micrometer.observation.aop.ObservedAspect;
import org.aopalliance.intercept.MethodInterceptor;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.aop.Advisor;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Role;

/**
 * What wrapping a trivial bean method costs, per call: no wrapping, the empty advisor
 * (the floor of the way fntrace intercepts), an empty AspectJ {@code @Around},
 * Micrometer's {@code @Observed} without handlers and with the metrics handler, and
 * fntrace's {@code @Traced} with its defaults, with its metrics (a {@link MeterRegistry}
 * bean) and with its observation export (an {@link ObservationRegistry} bean whose only
 * handler is the same metrics handler as {@code observedMetrics}'s). Each contender is a
 * bean of its own Boot context.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class InterceptionBenchmark {

	@Param({ "direct", "emptyAdvisor", "emptyAspect", "observedNoHandlers", "observedMetrics", "traced",
			"tracedMetrics", "tracedObservation" })
	public String contender;

	private ConfigurableApplicationContext context;

	private Work work;

	private int input;

	@Setup(Level.Trial)
	public void start() {
		this.context = BenchmarkContexts.start(configuration(this.contender));
		this.work = this.context.getBean(Work.class);
		if (!this.contender.equals("direct") && !AopUtils.isAopProxy(this.work)) {
			throw new IllegalStateException(this.contender + " did not wrap its bean");
		}
	}

	@TearDown(Level.Trial)
	public void stop() {
		if (this.contender.startsWith("traced") && this.context.getBean(TraceLog.class).totalCount() == 0) {
			throw new IllegalStateException("@Traced recorded nothing");
		}
		// the sinks the contender adds must have seen the calls, or it measured less
		this.context.getBeanProvider(MeterRegistry.class).ifAvailable((registry) -> {
			if (registry.find("fntrace.calls").timer() == null) {
				throw new IllegalStateException(this.contender + " published no fntrace.calls timer");
			}
		});
		this.context.getBeanProvider(ObservationMeters.class).ifAvailable((meters) -> {
			if (meters.registry().getMeters().isEmpty()) {
				throw new IllegalStateException(this.contender + " observed no call");
			}
		});
		this.context.close();
	}

	@Benchmark
	public int call() {
		return this.work.work(this.input++);
	}

	private static Class<?> configuration(String contender) {
		return switch (contender) {
			case "direct" -> DirectConfiguration.class;
			case "emptyAdvisor" -> EmptyAdvisorConfiguration.class;
			case "emptyAspect" -> EmptyAspectConfiguration.class;
			case "observedNoHandlers" -> ObservedNoHandlersConfiguration.class;
			case "observedMetrics" -> ObservedMetricsConfiguration.class;
			case "traced" -> TracedConfiguration.class;
			case "tracedMetrics" -> TracedMetricsConfiguration.class;
			case "tracedObservation" -> TracedObservationConfiguration.class;
			default -> throw new IllegalArgumentException("Unknown contender " + contender);
		};
	}

	/**
	 * The work, called directly or through an advice that matches any bean.
	 */
	public static class PlainWork implements Work {

		@Override
		public int work(int input) {
			return Work.compute(input);
		}

	}

	/**
	 * The work behind an empty {@code MethodInterceptor} advisor.
	 */
	public static class InterceptedWork implements Work {

		@Override
		@Intercepted
		public int work(int input) {
			return Work.compute(input);
		}

	}

	/**
	 * The work annotated {@code @Observed}.
	 */
	public static class ObservedWork implements Work {

		@Override
		@Observed(name = "work")
		public int work(int input) {
			return Work.compute(input);
		}

	}

	/**
	 * The work annotated {@code @Traced}.
	 */
	public static class TracedWork implements Work {

		@Override
		@Traced
		public int work(int input) {
			return Work.compute(input);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class DirectConfiguration {

		@Bean
		PlainWork work() {
			return new PlainWork();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class EmptyAdvisorConfiguration {

		@Bean
		InterceptedWork work() {
			return new InterceptedWork();
		}

		@Bean
		@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
		static Advisor emptyAdvisor() {
			MethodInterceptor proceed = (invocation) -> invocation.proceed();
			return new DefaultPointcutAdvisor(AnnotationMatchingPointcut.forMethodAnnotation(Intercepted.class),
					proceed);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class EmptyAspectConfiguration {

		@Bean
		InterceptedWork work() {
			return new InterceptedWork();
		}

		@Bean
		EmptyAspect emptyAspect() {
			return new EmptyAspect();
		}

	}

	/**
	 * An empty AspectJ {@code @Around} advice on the work.
	 */
	@Aspect
	public static class EmptyAspect {

		@Around("@annotation(dev.fntrace.benchmarks.Intercepted)")
		public Object around(ProceedingJoinPoint joinPoint) throws Throwable {
			return joinPoint.proceed();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ObservedNoHandlersConfiguration {

		@Bean
		ObservedWork work() {
			return new ObservedWork();
		}

		@Bean
		ObservedAspect observedAspect() {
			return new ObservedAspect(ObservationRegistry.create());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ObservedMetricsConfiguration {

		@Bean
		ObservedWork work() {
			return new ObservedWork();
		}

		@Bean
		ObservationMeters observationMeters() {
			return new ObservationMeters(new SimpleMeterRegistry());
		}

		@Bean
		ObservedAspect observedAspect(ObservationMeters meters) {
			return new ObservedAspect(meters.observationRegistry());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TracedConfiguration {

		@Bean
		TracedWork work() {
			return new TracedWork();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import(TracedConfiguration.class)
	static class TracedMetricsConfiguration {

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import(TracedConfiguration.class)
	static class TracedObservationConfiguration {

		@Bean
		ObservationMeters observationMeters() {
			return new ObservationMeters(new SimpleMeterRegistry());
		}

		@Bean
		ObservationRegistry observationRegistry(ObservationMeters meters) {
			return meters.observationRegistry();
		}

	}

	/**
	 * The meters of Micrometer's metrics handler, kept apart from the context's
	 * {@link MeterRegistry} beans (fntrace would publish its own meters to one), so that
	 * the contenders that observe calls can be checked to have recorded them.
	 *
	 * @param registry where the handler's meters go
	 */
	record ObservationMeters(SimpleMeterRegistry registry) {

		ObservationRegistry observationRegistry() {
			ObservationRegistry observations = ObservationRegistry.create();
			observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(this.registry));
			return observations;
		}

	}

}
