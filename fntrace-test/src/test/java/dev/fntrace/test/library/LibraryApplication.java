package dev.fntrace.test.library;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small library application with traced functions, which the kit's tests call.
 */
@SpringBootApplication
public class LibraryApplication {

}
