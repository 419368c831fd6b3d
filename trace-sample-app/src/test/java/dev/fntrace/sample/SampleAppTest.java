package dev.fntrace.sample;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.fntrace.test.AutoConfigureFnTrace;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * Starts the sample on a random port for a test class. Every integration test class uses
 * it, so they all share one application context (and one database). Event streams get a
 * heartbeat every 200 ms, so that the app notices within a second that a client went
 * away. Tests may ask for the traces of their own calls as a {@code FnTraceRecorder}
 * parameter ({@link AutoConfigureFnTrace}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "sample.watch.heartbeat=200ms")
@AutoConfigureFnTrace
@interface SampleAppTest {

}
