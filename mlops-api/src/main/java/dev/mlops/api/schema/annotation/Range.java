package dev.mlops.api.schema.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The numeric component's values lie between {@link #min()} and {@link #max()}. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface Range {
  /** @return the lower bound; no bound by default */
  double min() default Double.NEGATIVE_INFINITY;

  /** @return the upper bound; no bound by default */
  double max() default Double.POSITIVE_INFINITY;

  /** @return whether {@link #min()} itself passes (default true) */
  boolean minInclusive() default true;

  /** @return whether {@link #max()} itself passes (default true) */
  boolean maxInclusive() default true;
}
