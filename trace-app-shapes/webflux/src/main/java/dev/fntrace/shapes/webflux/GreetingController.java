package dev.fntrace.shapes.webflux;

import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The greeting API: {@code GET /greetings/{name}}, answered reactively.
 */
@RestController
public class GreetingController {

	private final Greeter greeter;

	public GreetingController(Greeter greeter) {
		this.greeter = greeter;
	}

	@GetMapping("/greetings/{name}")
	public Mono<String> greeting(@PathVariable String name) {
		return Mono.fromSupplier(() -> this.greeter.greet(name));
	}

}
