package dev.mlops.testing;

import dev.mlops.api.common.Severity;
import dev.mlops.api.schema.ValidationReport;
import dev.mlops.api.schema.Violation;
import dev.mlops.api.schema.ViolationKind;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link ValidationReport}. A failure prints the worst violations first, with
 * their example rows.
 *
 * <pre>{@code
 * assertThat(Schemas.validate(table, schema)).hasNoErrors();
 * assertThat(report).hasViolation(ViolationKind.OUT_OF_RANGE, "age");
 * }</pre>
 */
public final class ValidationReportAssert extends AbstractAssert<ValidationReportAssert, ValidationReport> {
  /** How many violations a failure message lists. */
  static final int SHOWN = 10;

  ValidationReportAssert(ValidationReport actual) {
    super(actual, ValidationReportAssert.class);
  }

  /**
   * Verifies that no violation is an error (warnings are allowed).
   *
   * @return this
   */
  public ValidationReportAssert hasNoErrors() {
    isNotNull();
    if (actual.hasErrors()) {
      failWithMessage("Expected no schema errors but found:%n%s", render(actual));
    }
    return this;
  }

  /**
   * Verifies that there is no violation at all, not even a warning.
   *
   * @return this
   */
  public ValidationReportAssert hasNoViolations() {
    isNotNull();
    if (!actual.violations().isEmpty()) {
      failWithMessage("Expected no schema violations but found:%n%s", render(actual));
    }
    return this;
  }

  /**
   * Verifies that there is a violation of {@code kind} about {@code field}.
   *
   * @param kind the kind
   * @param field the field ({@code ""} for table-level constraints)
   * @return this
   */
  public ValidationReportAssert hasViolation(ViolationKind kind, String field) {
    isNotNull();
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(field, "field");
    if (actual.violations(kind).stream().noneMatch(v -> v.field().equals(field))) {
      failWithMessage("Expected a %s violation on '%s' but found:%n%s", kind, field, render(actual));
    }
    return this;
  }

  /**
   * Verifies that there is no violation of {@code kind} about {@code field}.
   *
   * @param kind the kind
   * @param field the field
   * @return this
   */
  public ValidationReportAssert doesNotHaveViolation(ViolationKind kind, String field) {
    isNotNull();
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(field, "field");
    if (actual.violations(kind).stream().anyMatch(v -> v.field().equals(field))) {
      failWithMessage("Expected no %s violation on '%s' but found:%n%s", kind, field, render(actual));
    }
    return this;
  }

  /**
   * Verifies the rows that failed row-level checks of severity ERROR.
   *
   * @param rows the expected row indices, in order
   * @return this
   */
  public ValidationReportAssert hasFailingRows(int... rows) {
    isNotNull();
    if (!Arrays.equals(actual.failingRows(), rows)) {
      failWithMessage("Expected failing rows %s but were %s; report:%n%s", Arrays.toString(rows),
          Arrays.toString(actual.failingRows()), render(actual));
    }
    return this;
  }

  /** Renders the report's worst violations, at most {@link #SHOWN}. */
  static String render(ValidationReport report) {
    List<Violation> violations = report.violations();
    StringBuilder sb = new StringBuilder();
    long errors = violations.stream().filter(v -> v.severity() == Severity.ERROR).count();
    sb.append(String.format("  %d error(s), %d warning(s) over %d rows%s%n", errors, violations.size() - errors,
        report.rowCount(), report.schemaName().isEmpty() ? "" : " against '" + report.schemaName() + "'"));
    for (int i = 0; i < Math.min(SHOWN, violations.size()); i++) {
      sb.append("  ").append(violations.get(i)).append(String.format("%n"));
    }
    if (violations.size() > SHOWN) {
      sb.append(String.format("  ... and %d more%n", violations.size() - SHOWN));
    }
    return sb.toString();
  }
}
