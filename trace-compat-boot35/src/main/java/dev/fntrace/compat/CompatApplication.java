package dev.fntrace.compat;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small Spring Boot 3.5 application with Spring Data JPA, Spring MVC and the actuator
 * that uses fntrace as any Boot 3.5 application would: every call of a
 * {@link ThingService} function is recorded and served by the {@code /actuator/fntraces}
 * endpoint.
 */
@SpringBootApplication
public class CompatApplication {

	public static void main(String[] args) {
		SpringApplication.run(CompatApplication.class, args);
	}

}
