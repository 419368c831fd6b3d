package dev.fntrace.shapes.noweb;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An application of {@code spring-boot-starter} alone: no web server, no database, no
 * actuator.
 */
@SpringBootApplication
public class NoWebApplication {

	public static void main(String[] args) {
		SpringApplication.run(NoWebApplication.class, args);
	}

}
