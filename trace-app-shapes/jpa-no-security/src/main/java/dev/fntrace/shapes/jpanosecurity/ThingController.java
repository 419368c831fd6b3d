package dev.fntrace.shapes.jpanosecurity;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The things API: {@code GET /things/{id}} answers a thing's name, {@code POST /things}
 * adds one and answers its id.
 */
@RestController
public class ThingController {

	private final Things things;

	public ThingController(Things things) {
		this.things = things;
	}

	@GetMapping("/things/{id}")
	public String name(@PathVariable long id) {
		return this.things.name(id);
	}

	@PostMapping("/things")
	public long add(@RequestBody String name) {
		return this.things.add(name);
	}

}
