package dev.fntrace.compat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.fntrace.Traced;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The things over HTTP.
 */
@RestController
@RequestMapping("/api/things")
class ThingController {

	private final ThingService service;

	ThingController(ThingService service) {
		this.service = service;
	}

	@PostMapping
	ResponseEntity<ThingView> create(@RequestBody NewThing request) {
		return created(this.service.create(request.name()));
	}

	@GetMapping("/{id}")
	ThingView get(@PathVariable long id) {
		return this.service.get(id);
	}

	@PostMapping("/{id}/copies")
	ResponseEntity<ThingView> copy(@PathVariable long id) {
		return created(this.service.copy(id));
	}

	/**
	 * The names of all things, one a line, streamed: traced until the stream completes,
	 * with the bytes it sent.
	 * @return the stream
	 */
	@Traced
	@GetMapping(path = "/names", produces = MediaType.TEXT_PLAIN_VALUE)
	public StreamingResponseBody names() {
		List<String> names = this.service.names();
		return (out) -> {
			for (String name : names) {
				out.write((name + "\n").getBytes(StandardCharsets.UTF_8));
			}
		};
	}

	@ExceptionHandler
	ResponseEntity<Map<String, String>> notFound(ThingNotFoundException ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<Map<String, String>> conflict(DataIntegrityViolationException ex) {
		return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", "a thing with that name exists"));
	}

	private static ResponseEntity<ThingView> created(ThingView thing) {
		return ResponseEntity.created(URI.create("/api/things/" + thing.id())).body(thing);
	}

}
