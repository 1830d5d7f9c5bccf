package dev.mlops.core.schema;

import com.google.re2j.Pattern;
import dev.mlops.api.schema.FieldConstraint;
import dev.mlops.api.schema.FieldSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One field's constraints resolved by kind once, when a validator is created, with its pattern
 * compiled: the scans read these fields instead of searching the constraint list per table. A
 * field is null when the field has no constraint of that kind. Immutable.
 */
final class FieldPlan {
  final FieldSpec field;
  final FieldConstraint.NullFraction nulls;
  final FieldConstraint.NoNaN noNaN;
  final FieldConstraint.NoInfinity noInfinity;
  final FieldConstraint.Range range;
  final FieldConstraint.MeanBetween mean;
  final FieldConstraint.StddevBetween stddev;
  final List<FieldConstraint.QuantileBetween> quantiles;
  final FieldConstraint.Domain domain;
  final FieldConstraint.Pattern pattern;
  /** {@link #pattern}'s expression, compiled once by RE2/J; thread-safe (each scan makes its own matcher). */
  final Pattern compiledPattern;
  final FieldConstraint.Length length;
  final FieldConstraint.Unique unique;
  final FieldConstraint.MaxDistinct maxDistinct;

  FieldPlan(FieldSpec field, Function<String, Pattern> compiler) {
    this.field = field;
    this.nulls = find(field, FieldConstraint.NullFraction.class);
    this.noNaN = find(field, FieldConstraint.NoNaN.class);
    this.noInfinity = find(field, FieldConstraint.NoInfinity.class);
    this.range = find(field, FieldConstraint.Range.class);
    this.mean = find(field, FieldConstraint.MeanBetween.class);
    this.stddev = find(field, FieldConstraint.StddevBetween.class);
    List<FieldConstraint.QuantileBetween> qs = new ArrayList<>();
    for (FieldConstraint c : field.constraints()) {
      if (c instanceof FieldConstraint.QuantileBetween q) {
        qs.add(q);
      }
    }
    this.quantiles = List.copyOf(qs);
    this.domain = find(field, FieldConstraint.Domain.class);
    this.pattern = find(field, FieldConstraint.Pattern.class);
    this.compiledPattern = pattern == null ? null : compiler.apply(pattern.regex());
    this.length = find(field, FieldConstraint.Length.class);
    this.unique = find(field, FieldConstraint.Unique.class);
    this.maxDistinct = find(field, FieldConstraint.MaxDistinct.class);
  }

  private static <C extends FieldConstraint> C find(FieldSpec field, Class<C> kind) {
    return field.findConstraint(kind).orElse(null);
  }
}
