package dev.fntrace.shapes.noactuator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring MVC application whose own dependencies hold no actuator starter, and no
 * database.
 */
@SpringBootApplication
public class NoActuatorApplication {

	public static void main(String[] args) {
		SpringApplication.run(NoActuatorApplication.class, args);
	}

}
