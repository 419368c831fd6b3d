package dev.fntrace.shapes.noactuator;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The greeting API: {@code GET /greetings/{name}}.
 */
@RestController
public class GreetingController {

	private final Greeter greeter;

	public GreetingController(Greeter greeter) {
		this.greeter = greeter;
	}

	@GetMapping("/greetings/{name}")
	public String greeting(@PathVariable String name) {
		return this.greeter.greet(name);
	}

}
