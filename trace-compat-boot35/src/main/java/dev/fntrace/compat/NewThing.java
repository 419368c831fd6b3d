package dev.fntrace.compat;

/**
 * A request to create a thing.
 *
 * @param name its name, which no other thing may have
 */
public record NewThing(String name) {

}
