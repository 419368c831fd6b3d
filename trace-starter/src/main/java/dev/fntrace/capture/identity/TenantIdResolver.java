package dev.fntrace.capture.identity;

/**
 * Tells which tenant a top-level traced call runs for (nested calls inherit their
 * caller's). Declare a bean of this type to replace the default.
 */
@FunctionalInterface
public interface TenantIdResolver {

	/**
	 * The id of the tenant the current thread runs for.
	 * @return the tenant id, or {@code null} when unknown
	 */
	String resolveTenantId();

}
