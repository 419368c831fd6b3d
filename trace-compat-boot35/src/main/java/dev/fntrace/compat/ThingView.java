package dev.fntrace.compat;

/**
 * A thing as the API answers it, and as fntrace records the value of a call that returns
 * it.
 *
 * @param id its id
 * @param name its name
 */
public record ThingView(long id, String name) {

	static ThingView of(Thing thing) {
		return new ThingView(thing.getId(), thing.getName());
	}

}
