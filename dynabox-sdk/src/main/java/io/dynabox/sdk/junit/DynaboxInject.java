package io.dynabox.sdk.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field the Dynabox extension fills, with any type it injects as a parameter (see
 * {@link DynaboxTest}). Instance fields hold the current test's namespace; static fields are
 * allowed only with {@link Isolation#PER_CLASS}, as every test would share them.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface DynaboxInject {
}
