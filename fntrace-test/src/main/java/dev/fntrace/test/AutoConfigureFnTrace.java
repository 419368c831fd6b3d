package dev.fntrace.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Records the traces of {@link dev.fntrace.Traced @Traced} calls in a test and hands them
 * to it as a {@link FnTraceRecorder} parameter. In a test slice ({@code @DataJpaTest},
 * {@code @JdbcTest}, {@code @WebMvcTest}, ...) it imports fntrace's auto-configurations,
 * which a slice leaves out, so that calls, their SQL and their repository operations are
 * recorded; with {@code @SpringBootTest} they are there already and it only adds the
 * {@link FnTraceExtension}.
 * <p>
 * The auto-configurations imported are listed in
 * {@code META-INF/spring/dev.fntrace.test.AutoConfigureFnTrace.imports}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
@ExtendWith(FnTraceExtension.class)
public @interface AutoConfigureFnTrace {

}
