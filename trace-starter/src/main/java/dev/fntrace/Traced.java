package dev.fntrace;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.fntrace.model.FnType;

/**
 * Marks a server function whose every call is recorded as an
 * {@link dev.fntrace.model.FnTrace}.
 * <p>
 * On a method, that method is traced; on a class, every public method of the class is.
 * The function is named {@code ClassName.method} unless {@link #value()} names it, and
 * its type is inferred from {@code @Transactional} ({@code readOnly} means
 * {@link FnType#QUERY}, otherwise {@link FnType#MUTATION}; no transaction means
 * {@link FnType#ACTION}) unless {@link #type()} says.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
public @interface Traced {

	/**
	 * The function's name, {@code ClassName.method} when empty.
	 * @return the function name
	 */
	String value() default "";

	/**
	 * The function's type, inferred from {@code @Transactional} when
	 * {@link FnType#INFERRED}.
	 * @return the function type
	 */
	FnType type() default FnType.INFERRED;

}
