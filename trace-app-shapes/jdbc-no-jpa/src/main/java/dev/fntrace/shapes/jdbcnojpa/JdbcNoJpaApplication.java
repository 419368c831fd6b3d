package dev.fntrace.shapes.jdbcnojpa;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring MVC application on plain JDBC ({@code JdbcTemplate} on H2): no JPA, no Spring
 * Data, no actuator.
 */
@SpringBootApplication
public class JdbcNoJpaApplication {

	public static void main(String[] args) {
		SpringApplication.run(JdbcNoJpaApplication.class, args);
	}

}
