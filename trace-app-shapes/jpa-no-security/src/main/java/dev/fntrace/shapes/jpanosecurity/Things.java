package dev.fntrace.shapes.jpanosecurity;

import dev.fntrace.Traced;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and adds things.
 */
@Service
public class Things {

	private final ThingRepository repository;

	public Things(ThingRepository repository) {
		this.repository = repository;
	}

	@Traced
	@Transactional(readOnly = true)
	public String name(long id) {
		return this.repository.findById(id).map(Thing::getName).orElseThrow(() -> new ThingNotFoundException(id));
	}

	@Traced
	@Transactional
	public long add(String name) {
		return this.repository.save(new Thing(name)).getId();
	}

}
