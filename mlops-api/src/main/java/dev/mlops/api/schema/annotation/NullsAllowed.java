package dev.mlops.api.schema.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The data may hold nulls in this component, in at most {@link #maxFraction()} of the rows.
 * Components without it (and not {@code Optional}) must never be null.
 *
 * <p>This is a data constraint read by {@code Schemas.fromRecord}, not a nullness annotation for
 * the type system: the name says what it allows in the data, so that it cannot be mistaken for
 * (or clash in an import with) JSpecify's or JSR-305's {@code @Nullable}.
 *
 * <pre>{@code
 * record Loan(@NullsAllowed(maxFraction = 0.05) Double income, String purpose) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface NullsAllowed {
  /** @return the largest null fraction, in {@code [0, 1]} (default 1: any number of nulls) */
  double maxFraction() default 1.0;
}
