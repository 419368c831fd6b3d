package dev.fntrace.shapes.jpanosecurity;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No thing has the id asked for.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class ThingNotFoundException extends RuntimeException {

	public ThingNotFoundException(long id) {
		super("No thing " + id);
	}

}
