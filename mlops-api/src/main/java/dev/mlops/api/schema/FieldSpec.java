package dev.mlops.api.schema;

import dev.mlops.api.common.Severity;
import dev.mlops.api.data.ColumnType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One field of a {@link Schema}: its name, type, presence and constraints.
 *
 * <pre>{@code
 * FieldSpec age = FieldSpec.builder("age", ColumnType.INTEGRAL)
 *     .between(18, 100)
 *     .maxNullFraction(0.01)
 *     .build();
 * FieldSpec label = FieldSpec.builder("class", ColumnType.CATEGORICAL)
 *     .domain("good", "bad")
 *     .absentIn(Schema.SERVING)
 *     .build();
 * }</pre>
 *
 * <p>A field is required unless {@link Builder#optional()}; its column's type must be its type,
 * except that an {@link ColumnType#INTEGRAL} column satisfies a {@link ColumnType#NUMERIC} field.
 * Numeric constraints need a numeric type and string constraints a categorical one: a schema that
 * asks otherwise is rejected when built, with the field named.
 */
public final class FieldSpec {
  private final String name;
  private final ColumnType type;
  private final boolean required;
  private final Set<String> absentIn;
  private final List<FieldConstraint> constraints;

  private FieldSpec(Builder b) {
    this.name = b.name;
    this.type = b.type;
    this.required = b.required;
    this.absentIn = Set.copyOf(b.absentIn);
    this.constraints = List.copyOf(b.constraints);
  }

  /**
   * Returns a builder for a field.
   *
   * @param name the field (column) name, non-empty
   * @param type its type
   * @return a new builder; the field is required and has no constraint
   */
  public static Builder builder(String name, ColumnType type) {
    return new Builder(name, type);
  }

  /**
   * Returns a builder holding this field's settings, to derive a changed copy.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(name, type);
    b.required = required;
    b.absentIn.addAll(absentIn);
    constraints.forEach(b::add);
    return b;
  }

  /** @return the field name */
  public String name() {
    return name;
  }

  /** @return the field type */
  public ColumnType type() {
    return type;
  }

  /** @return whether a table must have this column (outside the environments it may be absent in) */
  public boolean required() {
    return required;
  }

  /** @return the environments in which the column may be absent */
  public Set<String> absentIn() {
    return absentIn;
  }

  /** @return the constraints, in the order they were added */
  public List<FieldConstraint> constraints() {
    return constraints;
  }

  /**
   * Returns the constraint of a kind, if the field has one (the first, for quantile bounds).
   *
   * @param kind the constraint record class
   * @param <C> the constraint type
   * @return the constraint, or empty when the field has none of that kind
   */
  public <C extends FieldConstraint> Optional<C> findConstraint(Class<C> kind) {
    Objects.requireNonNull(kind, "kind");
    for (FieldConstraint c : constraints) {
      if (kind.isInstance(c)) {
        return Optional.of(kind.cast(c));
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the constraint of a kind that the field must have (the first, for quantile bounds).
   *
   * @param kind the constraint record class
   * @param <C> the constraint type
   * @return the constraint
   * @throws IllegalArgumentException if the field has none of that kind; the message lists the
   *     kinds it has
   */
  public <C extends FieldConstraint> C constraint(Class<C> kind) {
    return findConstraint(kind).orElseThrow(() -> new IllegalArgumentException("field '" + name + "' has no "
        + kind.getSimpleName() + " constraint; it has "
        + constraints.stream().map(c -> c.getClass().getSimpleName()).toList()));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FieldSpec f && f.name.equals(name) && f.type == type && f.required == required
        && f.absentIn.equals(absentIn) && f.constraints.equals(constraints);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, type, required, absentIn, constraints);
  }

  @Override
  public String toString() {
    return "FieldSpec{" + name + " " + type + (required ? "" : " optional")
        + (absentIn.isEmpty() ? "" : " absentIn=" + absentIn) + " " + constraints + "}";
  }

  /** Builds a {@link FieldSpec}; every method validates its argument at once. */
  public static final class Builder {
    private final String name;
    private final ColumnType type;
    private boolean required = true;
    private boolean optionalCalled;
    private final Set<String> absentIn = new LinkedHashSet<>();
    private final List<FieldConstraint> constraints = new ArrayList<>();
    private Severity severity = Severity.ERROR;

    private Builder(String name, ColumnType type) {
      Objects.requireNonNull(name, "name");
      if (name.isEmpty()) {
        throw new IllegalArgumentException("a field name must not be empty");
      }
      this.name = name;
      this.type = Objects.requireNonNull(type, "type");
    }

    /**
     * Sets the severity of the constraints added by the shorthand methods after this call
     * (default {@link Severity#ERROR}).
     *
     * @param severity the severity
     * @return this builder
     */
    public Builder severity(Severity severity) {
      this.severity = Objects.requireNonNull(severity, "severity");
      return this;
    }

    /**
     * Makes the field optional: a table without the column conforms.
     *
     * @return this builder
     * @throws IllegalStateException if called twice
     */
    public Builder optional() {
      if (optionalCalled) {
        throw new IllegalStateException("field '" + name + "' was already made optional(); cannot call optional() again");
      }
      optionalCalled = true;
      this.required = false;
      return this;
    }

    /**
     * Lets the column be absent in these environments (TFDV's environments: a label is absent in
     * {@link Schema#SERVING}).
     *
     * @param environments environment names
     * @return this builder
     */
    public Builder absentIn(String... environments) {
      for (String e : Objects.requireNonNull(environments, "environments")) {
        Objects.requireNonNull(e, "an environment");
        if (e.isBlank()) {
          throw new IllegalArgumentException("field '" + name + "': an environment name must not be blank");
        }
        absentIn.add(e);
      }
      return this;
    }

    /**
     * Adds a constraint.
     *
     * @param constraint the constraint
     * @return this builder
     * @throws IllegalArgumentException if the constraint does not apply to the field's type
     * @throws IllegalStateException if the field already has a constraint of that kind (several
     *     quantile bounds are allowed, for different quantiles)
     */
    public Builder add(FieldConstraint constraint) {
      Objects.requireNonNull(constraint, "constraint");
      boolean numericOnly = constraint instanceof FieldConstraint.NoNaN || constraint instanceof FieldConstraint.NoInfinity
          || constraint instanceof FieldConstraint.Range || constraint instanceof FieldConstraint.MeanBetween
          || constraint instanceof FieldConstraint.StddevBetween || constraint instanceof FieldConstraint.QuantileBetween;
      boolean stringOnly = constraint instanceof FieldConstraint.Domain || constraint instanceof FieldConstraint.Pattern
          || constraint instanceof FieldConstraint.Length;
      if (numericOnly && !type.isNumeric()) {
        throw new IllegalArgumentException("field '" + name + "' is " + type + "; "
            + constraint.getClass().getSimpleName() + " applies to INTEGRAL or NUMERIC fields");
      }
      if (stringOnly && type != ColumnType.CATEGORICAL) {
        throw new IllegalArgumentException("field '" + name + "' is " + type + "; "
            + constraint.getClass().getSimpleName() + " applies to CATEGORICAL fields");
      }
      for (FieldConstraint c : constraints) {
        boolean sameKind = c.getClass() == constraint.getClass();
        if (sameKind && (!(c instanceof FieldConstraint.QuantileBetween q)
            || q.q() == ((FieldConstraint.QuantileBetween) constraint).q())) {
          throw new IllegalStateException("field '" + name + "' already has " + c + "; cannot add " + constraint);
        }
      }
      constraints.add(constraint);
      return this;
    }

    private Builder add(Supplier<FieldConstraint> make) {
      FieldConstraint c;
      try {
        c = make.get();
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("field '" + name + "': " + e.getMessage(), e);
      }
      return add(c);
    }

    /**
     * At most {@code max} of the rows may be null.
     *
     * @param max the largest null fraction, in {@code [0, 1]}
     * @return this builder
     */
    public Builder maxNullFraction(double max) {
      return add(() -> new FieldConstraint.NullFraction(max, severity));
    }

    /**
     * No null at all (a null fraction of at most 0).
     *
     * @return this builder
     */
    public Builder notNull() {
      return maxNullFraction(0);
    }

    /**
     * No {@code NaN} values.
     *
     * @return this builder
     */
    public Builder noNaN() {
      return add(() -> new FieldConstraint.NoNaN(severity));
    }

    /**
     * No infinite values.
     *
     * @return this builder
     */
    public Builder noInfinity() {
      return add(() -> new FieldConstraint.NoInfinity(severity));
    }

    /**
     * Values in {@code [min, max]}, both bounds inclusive.
     *
     * @param min the lower bound
     * @param max the upper bound
     * @return this builder
     */
    public Builder between(double min, double max) {
      return range(min, true, max, true);
    }

    /**
     * Values between {@code min} and {@code max} with explicit inclusive or exclusive bounds.
     *
     * @param min the lower bound, or {@code Double.NEGATIVE_INFINITY}
     * @param minInclusive whether {@code min} itself passes
     * @param max the upper bound, or {@code Double.POSITIVE_INFINITY}
     * @param maxInclusive whether {@code max} itself passes
     * @return this builder
     */
    public Builder range(double min, boolean minInclusive, double max, boolean maxInclusive) {
      return add(() -> new FieldConstraint.Range(min, minInclusive, max, maxInclusive, severity));
    }

    /**
     * The mean of the finite values in {@code [min, max]}.
     *
     * @param min the lower bound
     * @param max the upper bound
     * @return this builder
     */
    public Builder meanBetween(double min, double max) {
      return add(() -> new FieldConstraint.MeanBetween(min, max, severity));
    }

    /**
     * The sample standard deviation of the finite values in {@code [min, max]}.
     *
     * @param min the lower bound
     * @param max the upper bound
     * @return this builder
     */
    public Builder stddevBetween(double min, double max) {
      return add(() -> new FieldConstraint.StddevBetween(min, max, severity));
    }

    /**
     * The {@code q}-quantile of the finite values in {@code [min, max]}.
     *
     * @param q the quantile in {@code [0, 1]}
     * @param min the lower bound
     * @param max the upper bound
     * @return this builder
     */
    public Builder quantileBetween(double q, double min, double max) {
      return add(() -> new FieldConstraint.QuantileBetween(q, min, max, severity));
    }

    /**
     * Every non-null value in {@code values}.
     *
     * @param values the allowed values
     * @return this builder
     */
    public Builder domain(String... values) {
      Objects.requireNonNull(values, "values");
      return domain(Set.of(values), 1.0);
    }

    /**
     * At least {@code mostly} of the non-null values in {@code values}.
     *
     * @param values the allowed values
     * @param mostly the smallest passing share, in {@code [0, 1]}
     * @return this builder
     */
    public Builder domain(Set<String> values, double mostly) {
      return add(() -> new FieldConstraint.Domain(values, mostly, severity));
    }

    /**
     * At most {@code max} distinct non-null values.
     *
     * @param max the largest distinct count
     * @return this builder
     */
    public Builder maxDistinct(long max) {
      return add(() -> new FieldConstraint.MaxDistinct(max, severity));
    }

    /**
     * Every non-null string matches {@code regex} in full.
     *
     * @param regex a Java regular expression
     * @return this builder
     */
    public Builder pattern(String regex) {
      return add(() -> new FieldConstraint.Pattern(regex, severity));
    }

    /**
     * Every non-null string has {@code min} to {@code max} code points.
     *
     * @param min the smallest length
     * @param max the largest length
     * @return this builder
     */
    public Builder length(int min, int max) {
      return add(() -> new FieldConstraint.Length(min, max, severity));
    }

    /**
     * No non-null value twice.
     *
     * @return this builder
     */
    public Builder unique() {
      return add(() -> new FieldConstraint.Unique(severity));
    }

    /**
     * Builds the field.
     *
     * @return an immutable field
     */
    public FieldSpec build() {
      return new FieldSpec(this);
    }
  }
}
