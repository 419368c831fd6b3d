package dev.fntrace.autoconfigure;

import dev.fntrace.Traced;

/**
 * A traced bean for the auto-configuration tests.
 */
public class Greeter {

	@Traced
	public String greet(String name) {
		return "hello " + name;
	}

}
