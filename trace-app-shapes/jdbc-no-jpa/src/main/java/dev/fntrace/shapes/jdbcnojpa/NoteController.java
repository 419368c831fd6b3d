package dev.fntrace.shapes.jdbcnojpa;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The notes API: {@code POST /notes} adds one ({@code ?fail=true} fails after the
 * insert), and {@code GET /notes/count} counts them.
 */
@RestController
public class NoteController {

	private final Notes notes;

	public NoteController(Notes notes) {
		this.notes = notes;
	}

	@PostMapping("/notes")
	public long add(@RequestBody String text, @RequestParam(defaultValue = "false") boolean fail) {
		return fail ? this.notes.addThenFail(text) : this.notes.add(text);
	}

	@GetMapping("/notes/count")
	public long count() {
		return this.notes.count();
	}

}
