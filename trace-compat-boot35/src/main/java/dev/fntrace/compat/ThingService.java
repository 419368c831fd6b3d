package dev.fntrace.compat;

import java.util.List;

import dev.fntrace.Traced;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The server functions, each traced as {@code ThingService.<method>}.
 */
@Service
public class ThingService {

	private final ThingRepository things;

	ThingService(ThingRepository things) {
		this.things = things;
	}

	/**
	 * Create a thing. A name another thing has already fails the insert, and the call's
	 * transaction rolls back.
	 * @param name its name
	 * @return the new thing
	 */
	@Traced
	@Transactional
	public ThingView create(String name) {
		return ThingView.of(this.things.save(new Thing(name)));
	}

	/**
	 * One thing.
	 * @param id its id
	 * @return the thing
	 */
	@Traced
	@Transactional(readOnly = true)
	public ThingView get(long id) {
		return ThingView.of(find(id));
	}

	/**
	 * Create a copy of a thing, named after it.
	 * @param id the id of the thing to copy
	 * @return the copy
	 */
	@Traced
	@Transactional
	public ThingView copy(long id) {
		Thing original = find(id);
		return ThingView.of(this.things.save(new Thing(original.getName() + " (copy)")));
	}

	/**
	 * The names of all things.
	 * @return their names
	 */
	@Traced
	@Transactional(readOnly = true)
	public List<String> names() {
		return this.things.findAll().stream().map(Thing::getName).toList();
	}

	private Thing find(long id) {
		return this.things.findById(id).orElseThrow(() -> new ThingNotFoundException(id));
	}

}
