package dev.mlops.api.schema.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The component may be null, in at most {@link #maxFraction()} of the rows. Components without it
 * (and not {@code Optional}) must never be null.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface Nullable {
  /** @return the largest null fraction (default 1: any number of nulls) */
  double maxFraction() default 1.0;
}
