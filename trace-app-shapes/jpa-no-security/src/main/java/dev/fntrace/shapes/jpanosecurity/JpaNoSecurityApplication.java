package dev.fntrace.shapes.jpanosecurity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring MVC application on Spring Data JPA (H2) with actuator: no Spring Security.
 */
@SpringBootApplication
public class JpaNoSecurityApplication {

	public static void main(String[] args) {
		SpringApplication.run(JpaNoSecurityApplication.class, args);
	}

}
