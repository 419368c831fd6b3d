package dev.fntrace.shapes.webflux;

import dev.fntrace.Traced;

import org.springframework.stereotype.Service;

/**
 * Greets people.
 */
@Service
public class Greeter {

	@Traced
	public String greet(String name) {
		if ("nobody".equals(name)) {
			throw new IllegalArgumentException("Nobody to greet");
		}
		return "Hello, " + name;
	}

}
