package dev.fntrace.benchmarks;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the real Boot contexts the benchmarks call into: auto-configuration (fntrace's
 * included, with its defaults) plus the beans of one contender.
 */
final class BenchmarkContexts {

	private BenchmarkContexts() {
	}

	/**
	 * Start a context.
	 * @param contender the configuration that holds the contender's beans
	 * @param properties extra properties, as {@code name=value}
	 * @return the running context, to close in a {@code @TearDown}
	 */
	static ConfigurableApplicationContext start(Class<?> contender, String... properties) {
		return new SpringApplicationBuilder(BenchmarkApplication.class, contender).web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.properties("spring.main.banner-mode=off", "logging.level.root=warn",
					"spring.datasource.url=jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1")
			.properties(properties)
			.run();
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class BenchmarkApplication {

	}

}
