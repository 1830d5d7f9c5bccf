package dev.mlops.api.schema.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The string (or enum) component's values come from {@link #value()}. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface Domain {
  /** @return the allowed values; for an enum component, empty means the enum's constants */
  String[] value() default {};

  /** @return the smallest share of non-null values in the domain that passes (default 1) */
  double mostly() default 1.0;
}
