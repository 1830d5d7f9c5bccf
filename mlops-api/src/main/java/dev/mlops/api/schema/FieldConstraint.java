package dev.mlops.api.schema;

import dev.mlops.api.common.Severity;
import java.util.Objects;
import java.util.Set;

/**
 * A constraint on one field's values. Each is an immutable record, validated when built, with the
 * {@link Severity} of its violations. {@link FieldSpec.Builder} is the usual way to add them.
 */
public sealed interface FieldConstraint {

  /**
   * Returns the severity of a violation of this constraint.
   *
   * @return the declared severity
   */
  Severity severity();

  /**
   * At most {@code max} of the rows may be null (inclusive).
   *
   * @param max the largest allowed null fraction, in {@code [0, 1]}
   * @param severity the severity of a violation
   */
  record NullFraction(double max, Severity severity) implements FieldConstraint {
    /**
     * Validates the components.
     *
     * @param max the largest allowed null fraction
     * @param severity the severity
     */
    public NullFraction {
      checkFraction("max null fraction", max);
      Objects.requireNonNull(severity, "severity");
    }
  }

  /**
   * No value may be {@code NaN}.
   *
   * @param severity the severity of a violation
   */
  record NoNaN(Severity severity) implements FieldConstraint {
    /**
     * Validates the components.
     *
     * @param severity the severity
     */
    public NoNaN {
      Objects.requireNonNull(severity, "severity");
    }
  }

  /**
   * No value may be infinite.
   *
   * @param severity the severity of a violation
   */
  record NoInfinity(Severity severity) implements FieldConstraint {
    /**
     * Validates the components.
     *
     * @param severity the severity
     */
    public NoInfinity {
      Objects.requireNonNull(severity, "severity");
    }
  }

  /**
   * Every non-null, non-NaN value lies between {@code min} and {@code max}, each bound inclusive or
   * exclusive as stated; an infinite bound is no bound. {@code NaN} is not judged here (see
   * {@link NoNaN}).
   *
   * @param min the lower bound, or {@code -Infinity}
   * @param minInclusive whether a value equal to {@code min} passes
   * @param max the upper bound, or {@code +Infinity}
   * @param maxInclusive whether a value equal to {@code max} passes
   * @param severity the severity of a violation
   */
  record Range(double min, boolean minInclusive, double max, boolean maxInclusive, Severity severity)
      implements FieldConstraint {
    /**
     * Validates the components.
     *
     * @param min the lower bound
     * @param minInclusive whether the lower bound is inclusive
     * @param max the upper bound
     * @param maxInclusive whether the upper bound is inclusive
     * @param severity the severity
     */
    public Range {
      checkBounds("range", min, max);
      if (min == max && !(minInclusive && maxInclusive)) {
        throw new IllegalArgumentException("range (" + min + ", " + max + ") with an exclusive bound is empty");
      }
      Objects.requireNonNull(severity, "severity");
    }

    /**
     * Returns whether {@code v} is inside the range ({@code NaN} is not).
     *
     * @param v a value
     * @return true when inside
     */
    public boolean contains(double v) {
      return (minInclusive ? v >= min : v > min) && (maxInclusive ? v <= max : v < max);
    }

    @Override
    public String toString() {
      return (minInclusive ? "[" : "(") + min + ", " + max + (maxInclusive ? "]" : ")");
    }
  }

  /**
   * The mean of the finite values lies in {@code [min, max]}.
   *
   * @param min the lower bound (inclusive), or {@code -Infinity}
   * @param max the upper bound (inclusive), or {@code +Infinity}
   * @param severity the severity of a violation
   */
  record MeanBetween(double min, double max, Severity severity) implements FieldConstraint {
    /**
     * Validates the components.
     *
     * @param min the lower bound
     * @param max the upper bound
     * @param severity the severity
     */
    public MeanBetween {
      checkBounds("mean bounds", min, max);
      Objects.requireNonNull(severity, "severity");
    }
  }

  /**
   * The sample standard deviation (n - 1 in the denominator) of the finite values lies in
   * {@code [min, max]}.
   *
   * @param min the lower bound (inclusive), {@code >= 0}
   * @param max the upper bound (inclusive), or {@code +Infinity}
   * @param severity the severity of a violation
   */
  record StddevBetween(double min, double max, Severity severity) implements FieldConstraint {
    /**
     * Validates the components.
     *
     * @param min the lower bound
     * @param max the upper bound
     * @param severity the severity
     */
    public StddevBetween {
      checkBounds("stddev bounds", min, max);
      if (min < 0) {
        throw new IllegalArgumentException("stddev lower bound must be >= 0, was " + min);
      }
      Objects.requireNonNull(severity, "severity");
    }
  }

  /**
   * The {@code q}-quantile of the finite values (linear interpolation between order statistics, as
   * numpy's default) lies in {@code [min, max]}.
   *
   * @param q the quantile, in {@code [0, 1]}
   * @param min the lower bound (inclusive), or {@code -Infinity}
   * @param max the upper bound (inclusive), or {@code +Infinity}
   * @param severity the severity of a violation
   */
  record QuantileBetween(double q, double min, double max, Severity severity) implements FieldConstraint {
    /**
     * Validates the components.
     *
     * @param q the quantile
     * @param min the lower bound
     * @param max the upper bound
     * @param severity the severity
     */
    public QuantileBetween {
      checkFraction("quantile", q);
      checkBounds("quantile bounds", min, max);
      Objects.requireNonNull(severity, "severity");
    }
  }

  /**
   * At least {@code mostly} of the non-null values are in {@code values} (Great Expectations'
   * {@code mostly}: nulls are not in the denominator and the comparison is inclusive). A column
   * with no non-null value passes: there is no value outside the domain.
   *
   * @param values the allowed values, not empty
   * @param mostly the smallest share of in-domain values that passes, in {@code [0, 1]}
   * @param severity the severity of a violation
   */
  record Domain(Set<String> values, double mostly, Severity severity) implements FieldConstraint {
    /**
     * Validates and copies the components.
     *
     * @param values the allowed values
     * @param mostly the in-domain share that passes
     * @param severity the severity
     */
    public Domain {
      values = Set.copyOf(Objects.requireNonNull(values, "values"));
      if (values.isEmpty()) {
        throw new IllegalArgumentException("domain must not be empty");
      }
      checkFraction("mostly", mostly);
      Objects.requireNonNull(severity, "severity");
    }
  }

  /**
   * At most {@code max} distinct non-null values.
   *
   * @param max the largest allowed distinct count, {@code >= 1}
   * @param severity the severity of a violation
   */
  record MaxDistinct(long max, Severity severity) implements FieldConstraint {
    /**
     * Validates the components.
     *
     * @param max the largest allowed distinct count
     * @param severity the severity
     */
    public MaxDistinct {
      if (max < 1) {
        throw new IllegalArgumentException("max distinct must be >= 1, was " + max);
      }
      Objects.requireNonNull(severity, "severity");
    }
  }

  /**
   * Every non-null string matches {@code regex} in full.
   *
   * <p>Patterns often come from schema files that others write, so they are matched in time linear
   * in the value's length, whatever the pattern (core uses RE2/J): the syntax is RE2's, the regular
   * subset of Java's. Supported: literals and escapes ({@code \.}, {@code \t}, {@code \x{263a}},
   * {@code \Q...\E}), {@code .}, character classes ({@code [a-z]}, {@code [^0-9]}, {@code \d \w \s}
   * and their negations, {@code \pL}, {@code \p{Greek}}, {@code [[:alpha:]]}), alternation,
   * groups ({@code (...)}, {@code (?:...)}, {@code (?<name>...)}), greedy and lazy quantifiers
   * ({@code * + ? {n} {n,} {n,m}}, each followed by {@code ?} for lazy), anchors and boundaries
   * ({@code ^ $ \A \z \b \B}), and the flags {@code (?i) (?m) (?s) (?U)}. Not supported, and
   * refused here with the index where they start: backreferences ({@code \1}, {@code \k<name>}),
   * lookahead and lookbehind ({@code (?=}, {@code (?!}, {@code (?<=}, {@code (?<!}), atomic groups
   * ({@code (?>}) and possessive quantifiers ({@code *+}, {@code ++}, {@code ?+}). Java-only classes
   * and escapes ({@code \p{Alpha}}, {@code \h}, {@code \R}, {@code \Z}, {@code \G}, the flag
   * {@code (?x)}) are refused when a schema file is read or written or a validator is created, with their
   * place. A validator compiles the pattern once, when it is created. Semantics are RE2's too:
   * {@code .} matches any character but {@code \n}, and {@code \d \w \s \b} are ASCII.
   *
   * @param regex a regular expression in RE2 syntax
   * @param severity the severity of a violation
   */
  record Pattern(String regex, Severity severity) implements FieldConstraint {
    /**
     * Validates the components: the expression's groups and character classes must be closed, and
     * it must use no construct outside regular expressions (see the type's description).
     *
     * @param regex the regular expression
     * @param severity the severity
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if a group or class is not closed, or the expression uses a
     *     backreference, lookaround, an atomic group or a possessive quantifier, naming it and its index
     */
    public Pattern {
      Regexes.requireValid(regex);
      Objects.requireNonNull(severity, "severity");
    }
  }

  /**
   * Every non-null string has between {@code min} and {@code max} Unicode code points (inclusive).
   *
   * @param min the smallest length, {@code >= 0}
   * @param max the largest length, {@code >= min}
   * @param severity the severity of a violation
   */
  record Length(int min, int max, Severity severity) implements FieldConstraint {
    /**
     * Validates the components.
     *
     * @param min the smallest length
     * @param max the largest length
     * @param severity the severity
     */
    public Length {
      if (min < 0 || max < min) {
        throw new IllegalArgumentException("length bounds must satisfy 0 <= min <= max, were " + min + " and " + max);
      }
      Objects.requireNonNull(severity, "severity");
    }
  }

  /**
   * No non-null value appears twice (nulls are not compared).
   *
   * @param severity the severity of a violation
   */
  record Unique(Severity severity) implements FieldConstraint {
    /**
     * Validates the components.
     *
     * @param severity the severity
     */
    public Unique {
      Objects.requireNonNull(severity, "severity");
    }
  }

  private static void checkFraction(String what, double v) {
    if (!(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException(what + " must be in [0, 1], was " + v);
    }
  }

  private static void checkBounds(String what, double min, double max) {
    if (Double.isNaN(min) || Double.isNaN(max)) {
      throw new IllegalArgumentException(what + " must not be NaN");
    }
    if (min > max) {
      throw new IllegalArgumentException(what + ": min " + min + " > max " + max);
    }
  }
}
