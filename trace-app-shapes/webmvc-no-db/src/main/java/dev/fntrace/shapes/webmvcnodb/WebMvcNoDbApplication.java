package dev.fntrace.shapes.webmvcnodb;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring MVC application with actuator and no database: no JDBC and no spring-tx.
 */
@SpringBootApplication
public class WebMvcNoDbApplication {

	public static void main(String[] args) {
		SpringApplication.run(WebMvcNoDbApplication.class, args);
	}

}
