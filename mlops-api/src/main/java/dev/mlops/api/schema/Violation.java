package dev.mlops.api.schema;

import dev.mlops.api.common.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One broken constraint, with its evidence.
 *
 * <pre>{@code
 * for (Violation v : report.violations()) {
 *   System.out.println(v.field() + ": " + v.counts().failing() + " of " + v.counts().checked()
 *       + ", expected " + v.evidence().expected());
 * }
 * }</pre>
 *
 * @param kind what is broken
 * @param field the field, or several joined by {@code ", "}; empty for a table-level constraint
 * @param rule the constraint as written (e.g. {@code range [0.0, 120.0]}, or a rule's name)
 * @param severity the severity reported (after any {@link SeverityPolicy})
 * @param counts how many values (or rows) failed, of how many checked
 * @param evidence the broken bound, what was found, and example rows
 */
public record Violation(
    ViolationKind kind,
    String field,
    String rule,
    Severity severity,
    Counts counts,
    Evidence evidence) {

  /**
   * How many values (or rows) failed, of how many were checked.
   *
   * @param failing how many fail; for an aggregate (a mean, a distinct count, the row count) 1
   * @param checked how many were checked: the denominator of {@link #fraction()}
   */
  public record Counts(long failing, long checked) {
    /**
     * Validates the components.
     *
     * @param failing failing values, {@code >= 0}
     * @param checked checked values, {@code >= 0}
     */
    public Counts {
      if (failing < 0 || checked < 0) {
        throw new IllegalArgumentException("counts must be >= 0, were " + failing + " and " + checked);
      }
    }

    /**
     * Returns the failing share of what was checked.
     *
     * @return {@code failing / checked}, or 1 when nothing was checked but the constraint still
     *     failed (a missing column), 0 when nothing was checked and nothing failed
     */
    public double fraction() {
      if (checked == 0) {
        return failing > 0 ? 1.0 : 0.0;
      }
      return (double) failing / checked;
    }
  }

  /**
   * What the constraint asked, what was found, and failing rows.
   *
   * @param expected the bound that was broken, in words
   * @param actual what was found, in words
   * @param examples up to the configured number of failing rows with their values, in row order
   */
  public record Evidence(String expected, String actual, List<Example> examples) {
    /**
     * Validates and copies the components.
     *
     * @param expected the bound
     * @param actual what was found
     * @param examples failing rows
     */
    public Evidence {
      Objects.requireNonNull(expected, "expected");
      Objects.requireNonNull(actual, "actual");
      examples = List.copyOf(Objects.requireNonNull(examples, "examples"));
    }
  }

  /**
   * A failing row and its value as text ({@code null} for a null value).
   *
   * @param row the row index
   * @param value the value, rendered
   */
  public record Example(int row, String value) {
    /**
     * Validates the components.
     *
     * @param row the row index, {@code >= 0}
     * @param value the value
     */
    public Example {
      if (row < 0) {
        throw new IllegalArgumentException("row must be >= 0, was " + row);
      }
    }
  }

  /**
   * Validates the components.
   *
   * @param kind what is broken
   * @param field the field
   * @param rule the constraint
   * @param severity the severity
   * @param counts failing and checked values
   * @param evidence the bound, what was found, failing rows
   */
  public Violation {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(counts, "counts");
    Objects.requireNonNull(evidence, "evidence");
  }

  /**
   * Returns the failing share of what was checked: {@code counts().fraction()}.
   *
   * @return the failing share, in {@code [0, 1]}
   */
  public double fraction() {
    return counts.fraction();
  }

  /**
   * Renders the violation on one line, with its first examples.
   *
   * @return the text
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder()
        .append(severity).append(' ').append(kind)
        .append(field.isEmpty() ? "" : " '" + field + "'")
        .append(": ").append(rule)
        .append(" — expected ").append(evidence.expected()).append(", found ").append(evidence.actual());
    if (counts.checked() > 1 && counts.failing() > 0) {
      sb.append(String.format(Locale.ROOT, " (%.4g%%)", 100.0 * counts.fraction()));
    }
    List<Example> examples = evidence.examples();
    if (!examples.isEmpty()) {
      sb.append("; e.g. ");
      for (int i = 0; i < examples.size(); i++) {
        Example e = examples.get(i);
        sb.append(i == 0 ? "" : ", ").append("row ").append(e.row()).append('=')
            .append(e.value() == null ? "null" : '"' + e.value() + '"');
      }
    }
    return sb.toString();
  }
}
