package dev.mlops.api.schema;

import dev.mlops.api.common.Severity;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of validating a table against a {@link Schema}: every violation found, worst first
 * (errors before warnings, then by failing share), and the rows that failed row-level checks.
 *
 * <pre>{@code
 * ValidationReport report = Schemas.validate(table, schema);
 * if (report.hasErrors()) {
 *   System.err.println(report.toText());
 *   int[] quarantine = report.failingRows();
 * }
 * }</pre>
 */
public final class ValidationReport {
  /** Orders violations worst first. */
  public static final Comparator<Violation> WORST_FIRST =
      Comparator.comparing(Violation::severity).reversed()
          .thenComparing(Comparator.comparingDouble(Violation::fraction).reversed())
          .thenComparing(Violation::kind)
          .thenComparing(Violation::field);

  private final String schemaName;
  private final String environment;
  private final int rowCount;
  private final List<Violation> violations;
  private final BitSet errorRows;
  private final BitSet warningRows;

  /**
   * Creates a report.
   *
   * @param schemaName the schema's name (may be empty)
   * @param environment the environment validated in (may be empty)
   * @param rowCount the table's row count
   * @param violations the violations, in any order (they are sorted worst first)
   * @param errorRows rows that failed a row-level check of severity ERROR (copied)
   * @param warningRows rows that failed a row-level check of severity WARNING (copied)
   */
  public ValidationReport(String schemaName, String environment, int rowCount, List<Violation> violations,
      BitSet errorRows, BitSet warningRows) {
    this.schemaName = Objects.requireNonNull(schemaName, "schemaName");
    this.environment = Objects.requireNonNull(environment, "environment");
    if (rowCount < 0) {
      throw new IllegalArgumentException("rowCount must be >= 0, was " + rowCount);
    }
    this.rowCount = rowCount;
    List<Violation> sorted = new ArrayList<>(Objects.requireNonNull(violations, "violations"));
    sorted.sort(WORST_FIRST);
    this.violations = List.copyOf(sorted);
    this.errorRows = (BitSet) Objects.requireNonNull(errorRows, "errorRows").clone();
    this.warningRows = (BitSet) Objects.requireNonNull(warningRows, "warningRows").clone();
  }

  /** @return the schema's name, or an empty string */
  public String schemaName() {
    return schemaName;
  }

  /** @return the environment validated in, or an empty string for none */
  public String environment() {
    return environment;
  }

  /** @return the validated table's row count */
  public int rowCount() {
    return rowCount;
  }

  /** @return every violation, worst first */
  public List<Violation> violations() {
    return violations;
  }

  /**
   * Returns the violations of one kind.
   *
   * @param kind the kind
   * @return those violations, worst first
   */
  public List<Violation> violations(ViolationKind kind) {
    Objects.requireNonNull(kind, "kind");
    return violations.stream().filter(v -> v.kind() == kind).toList();
  }

  /**
   * Returns the violations about one field.
   *
   * @param field the field name
   * @return those violations, worst first
   */
  public List<Violation> violationsOf(String field) {
    Objects.requireNonNull(field, "field");
    return violations.stream().filter(v -> v.field().equals(field)).toList();
  }

  /**
   * Returns the worst severity found.
   *
   * @return the worst severity, or empty when there is no violation
   */
  public Optional<Severity> worstSeverity() {
    return violations.isEmpty() ? Optional.empty() : Optional.of(violations.get(0).severity());
  }

  /** @return whether any violation is an error: the table does not conform */
  public boolean hasErrors() {
    return worstSeverity().filter(s -> s == Severity.ERROR).isPresent();
  }

  /** @return whether the table conforms (no errors; warnings allowed) */
  public boolean conforms() {
    return !hasErrors();
  }

  /**
   * Returns the rows that failed a row-level check of severity ERROR (a value out of range, not in
   * the domain, a repeat of a unique value, a broken row rule...), to quarantine them. Aggregate
   * violations (a mean, the row count) name no row.
   *
   * @return sorted row indices
   */
  public int[] failingRows() {
    return errorRows.stream().toArray();
  }

  /**
   * Returns the rows that failed a row-level check of at least {@code severity}.
   *
   * @param severity the least severity counted
   * @return sorted row indices
   */
  public int[] failingRows(Severity severity) {
    Objects.requireNonNull(severity, "severity");
    if (severity == Severity.ERROR) {
      return failingRows();
    }
    BitSet all = (BitSet) errorRows.clone();
    all.or(warningRows);
    return all.stream().toArray();
  }

  /**
   * Renders the report for a person: a status line, then one line per violation, worst first.
   *
   * @return the text
   */
  public String toText() {
    StringBuilder sb = new StringBuilder("Validation");
    if (!schemaName.isEmpty()) {
      sb.append(" against '").append(schemaName).append('\'');
    }
    if (!environment.isEmpty()) {
      sb.append(" in ").append(environment);
    }
    long errors = violations.stream().filter(v -> v.severity() == Severity.ERROR).count();
    sb.append(": ").append(rowCount).append(" rows, ")
        .append(errors == 0 ? "conforms" : "FAILS")
        .append(" (").append(errors).append(" error").append(errors == 1 ? "" : "s").append(", ")
        .append(violations.size() - errors).append(" warning").append(violations.size() - errors == 1 ? "" : "s")
        .append(")\n");
    for (Violation v : violations) {
      sb.append("  ").append(v).append('\n');
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return toText();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ValidationReport r && r.schemaName.equals(schemaName) && r.environment.equals(environment)
        && r.rowCount == rowCount && r.violations.equals(violations) && r.errorRows.equals(errorRows)
        && r.warningRows.equals(warningRows);
  }

  @Override
  public int hashCode() {
    return Objects.hash(schemaName, environment, rowCount, violations);
  }
}
