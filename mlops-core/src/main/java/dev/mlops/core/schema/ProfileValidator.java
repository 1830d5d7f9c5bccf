package dev.mlops.core.schema;

import dev.mlops.api.common.Severity;
import dev.mlops.api.data.ColumnType;
import dev.mlops.api.profile.CategoricalProfile;
import dev.mlops.api.profile.ColumnProfile;
import dev.mlops.api.profile.NumericProfile;
import dev.mlops.api.profile.TableProfile;
import dev.mlops.api.schema.FieldConstraint;
import dev.mlops.api.schema.FieldSpec;
import dev.mlops.api.schema.Schema;
import dev.mlops.api.schema.TableConstraint;
import dev.mlops.api.schema.UnexpectedColumns;
import dev.mlops.api.schema.ValidationOptions;
import dev.mlops.api.schema.ValidationReport;
import dev.mlops.api.schema.Violation;
import dev.mlops.api.schema.ViolationKind;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Checks a schema against a {@link TableProfile} instead of rows: what TFDV calls validating
 * statistics. See {@link Schemas#validate(TableProfile, Schema, ValidationOptions)} for which
 * constraints a profile can decide.
 */
final class ProfileValidator {
  private final TableProfile profile;
  private final Schema schema;
  private final ValidationOptions options;
  private final List<FieldPlan> plans;
  private final List<Violation> violations = new ArrayList<>();

  ProfileValidator(TableProfile profile, CompiledValidator validator) {
    this.profile = profile;
    this.schema = validator.schema();
    this.options = validator.options();
    this.plans = validator.plans();
  }

  ValidationReport run() {
    List<String> names = profile.columns().stream().map(ColumnProfile::name).toList();
    for (FieldPlan plan : plans) {
      FieldSpec field = plan.field;
      if (!names.contains(field.name())) {
        if (field.required() && !field.absentIn().contains(options.environment())) {
          report(ViolationKind.MISSING_COLUMN, field.name(), "required field", Severity.ERROR, 1, 0,
              "a column '" + field.name() + "' of type " + field.type(), "no such column; columns are " + names);
        }
        continue;
      }
      validateField(plan, profile.column(field.name()));
    }
    if (schema.unexpectedColumns() != UnexpectedColumns.IGNORE) {
      Severity severity = schema.unexpectedColumns() == UnexpectedColumns.ERROR ? Severity.ERROR : Severity.WARNING;
      for (ColumnProfile c : profile.columns()) {
        if (schema.findField(c.name()).isEmpty()) {
          report(ViolationKind.UNEXPECTED_COLUMN, c.name(), "unexpected columns " + schema.unexpectedColumns(),
              severity, 1, 0, "only the schema's fields", "a " + c.type() + " column not in the schema");
        }
      }
    }
    for (TableConstraint c : schema.tableConstraints()) {
      if (c instanceof TableConstraint.RowCount rc && (profile.rowCount() < rc.min() || profile.rowCount() > rc.max())) {
        String bounds = "[" + rc.min() + ", " + rc.max() + "]";
        report(ViolationKind.ROW_COUNT, "", "row count in " + bounds, rc.severity(), 1, 1, "row count in " + bounds,
            profile.rowCount() + " rows");
      }
    }
    int rows = (int) Math.min(Integer.MAX_VALUE, profile.rowCount());
    return new ValidationReport(schema.name(), options.environment(), rows, violations, new BitSet(), new BitSet());
  }

  private void report(ViolationKind kind, String field, String rule, Severity declared, long failing, long checked,
      String expected, String actual) {
    violations.add(new Violation(kind, field, rule, options.severityPolicy().apply(declared),
        new Violation.Counts(failing, checked), new Violation.Evidence(expected, actual, List.of())));
  }

  private void validateField(FieldPlan plan, ColumnProfile column) {
    FieldSpec field = plan.field;
    ColumnType expected = field.type();
    boolean typeOk = expected.isNumeric() ? column.type().isNumeric() : expected == column.type();
    if (!typeOk) {
      report(ViolationKind.TYPE_MISMATCH, field.name(), "type " + expected, Severity.ERROR, column.count(),
          column.count(), expected.toString(), column.type().toString());
      return;
    }
    long n = column.count();
    FieldConstraint.NullFraction nulls = plan.nulls;
    if (nulls != null && n > 0 && (double) column.nullCount() / n > nulls.max()) {
      report(ViolationKind.NULL_FRACTION, field.name(), "max null fraction " + SchemaValidator.format(nulls.max()),
          nulls.severity(), column.nullCount(), n, "at most " + SchemaValidator.format(nulls.max()) + " null",
          String.format(Locale.ROOT, "%d nulls of %d (%.4g)", column.nullCount(), n, (double) column.nullCount() / n));
    }
    if (column instanceof NumericProfile num) {
      numeric(plan, num);
    } else if (column instanceof CategoricalProfile cat) {
      categorical(plan, cat);
    }
  }

  private void numeric(FieldPlan plan, NumericProfile p) {
    FieldSpec field = plan.field;
    long values = p.count() - p.nullCount();
    FieldConstraint.NoNaN noNaN = plan.noNaN;
    if (noNaN != null && p.nanCount() > 0) {
      report(ViolationKind.NAN, field.name(), "no NaN", noNaN.severity(), p.nanCount(), values, "no NaN",
          "NaN in " + p.nanCount() + " of " + values);
    }
    FieldConstraint.NoInfinity noInf = plan.noInfinity;
    if (noInf != null && p.infiniteCount() > 0) {
      report(ViolationKind.INFINITE, field.name(), "no infinity", noInf.severity(), p.infiniteCount(), values,
          "no infinite value", "infinite in " + p.infiniteCount() + " of " + values);
    }
    FieldConstraint.Range range = plan.range;
    if (range != null && p.finiteCount() + p.infiniteCount() > 0) {
      // Exact extremes decide whether any value is out; the sketch estimates how many.
      boolean out = p.infiniteCount() > 0 && (Double.isFinite(range.min()) || Double.isFinite(range.max()));
      if (p.finiteCount() > 0) {
        out |= !range.contains(p.min()) || !range.contains(p.max());
      }
      if (out) {
        long below = p.finiteCount() > 0 && !range.contains(p.min()) ? Math.max(1, Math.round(p.rank(Math.nextDown(
            range.minInclusive() ? range.min() : Math.nextUp(range.min()))) * p.finiteCount())) : 0;
        long above = p.finiteCount() > 0 && !range.contains(p.max()) ? Math.max(1, Math.round((1 - p.rank(
            range.maxInclusive() ? range.max() : Math.nextDown(range.max()))) * p.finiteCount())) : 0;
        long failing = Math.min(values, below + above + p.infiniteCount());
        report(ViolationKind.OUT_OF_RANGE, field.name(), range.toString(), range.severity(), failing, values,
            "values in " + range, String.format(Locale.ROOT, "min %s, max %s, %d infinite; about %d of %d out "
                + "(estimated from the quantile sketch)", SchemaValidator.fmt(p.min()), SchemaValidator.fmt(p.max()),
                p.infiniteCount(), failing, values));
      }
    }
    FieldConstraint.MeanBetween mean = plan.mean;
    if (mean != null) {
      statistic(field, ViolationKind.MEAN_OUT_OF_RANGE, "mean", p.mean(), mean.min(), mean.max(), mean.severity(),
          p.finiteCount());
    }
    FieldConstraint.StddevBetween sd = plan.stddev;
    if (sd != null) {
      statistic(field, ViolationKind.STDDEV_OUT_OF_RANGE, "stddev", Math.sqrt(p.variance()), sd.min(), sd.max(),
          sd.severity(), p.finiteCount());
    }
    for (FieldConstraint.QuantileBetween q : plan.quantiles) {
      statistic(field, ViolationKind.QUANTILE_OUT_OF_RANGE, "quantile " + SchemaValidator.format(q.q()),
          p.quantile(q.q()), q.min(), q.max(), q.severity(), p.finiteCount());
    }
  }

  private void statistic(FieldSpec field, ViolationKind kind, String what, double value, double min, double max,
      Severity severity, long n) {
    String problem = SchemaValidator.statisticProblem(kind, what, value, min, max, n);
    if (problem != null) {
      String rule = what + " in [" + SchemaValidator.fmt(min) + ", " + SchemaValidator.fmt(max) + "]";
      report(kind, field.name(), rule, severity, 1, 1, rule, problem);
    }
  }

  private void categorical(FieldPlan plan, CategoricalProfile p) {
    FieldSpec field = plan.field;
    long values = p.count() - p.nullCount();
    FieldConstraint.Domain domain = plan.domain;
    if (domain != null && values > 0) {
      long inDomain = 0;
      boolean exact = true;
      TreeSet<String> outside = new TreeSet<>();
      for (CategoricalProfile.FrequentItem item : p.frequentItems()) {
        exact &= item.lowerBound() == item.upperBound();
        if (domain.values().contains(item.value())) {
          inDomain += item.estimate();
        } else if (outside.size() < options.maxExamples()) {
          outside.add(item.value());
        }
      }
      long failing = values - inDomain;
      if ((double) inDomain / values < domain.mostly()) {
        report(ViolationKind.NOT_IN_DOMAIN, field.name(), "domain of " + domain.values().size() + " values",
            domain.severity(), failing, values, "at least " + SchemaValidator.format(domain.mostly())
                + " of values in the domain",
            (exact ? "" : "about ") + failing + " of " + values + " outside, e.g. " + outside);
      }
    }
    FieldConstraint.MaxDistinct maxDistinct = plan.maxDistinct;
    if (maxDistinct != null && Math.round(p.distinctEstimate()) > maxDistinct.max()) {
      report(ViolationKind.TOO_MANY_DISTINCT, field.name(), "max distinct " + maxDistinct.max(),
          maxDistinct.severity(), 1, 1, "at most " + maxDistinct.max() + " distinct values",
          "about " + Math.round(p.distinctEstimate()) + " distinct values (HLL estimate)");
    }
  }
}
