package dev.fntrace.capture;

import dev.fntrace.model.FnType;

/**
 * What fntrace knows of a traced method before it is called, resolved once per method.
 *
 * @param name the function's name
 * @param type the function's type, never {@link FnType#INFERRED}
 * @param recorded whether calls are recorded (the include and exclude patterns allow it)
 * @param methodName the qualified name of the method, as Spring names the transaction it
 * begins
 */
record FnDescriptor(String name, FnType type, boolean recorded, String methodName) {

}
