package dev.mlops.api.schema;

import dev.mlops.api.common.Severity;
import java.util.List;
import java.util.Objects;

/**
 * One broken constraint, with its evidence.
 *
 * @param kind what is broken
 * @param field the field, or several joined by {@code ", "}; empty for a table-level constraint
 * @param rule the constraint as written (e.g. {@code range [0.0, 120.0]}, or a rule's name)
 * @param severity the severity reported (after any {@link SeverityPolicy})
 * @param failingCount how many values (or rows) fail; for an aggregate (a mean, a distinct count, the
 *     row count) 1
 * @param checkedCount how many were checked: the denominator of {@link #fraction()}
 * @param expected the bound that was broken, in words
 * @param actual what was found, in words
 * @param examples up to the configured number of failing rows with their values, in row order
 */
public record Violation(
    ViolationKind kind,
    String field,
    String rule,
    Severity severity,
    long failingCount,
    long checkedCount,
    String expected,
    String actual,
    List<Example> examples) {

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
   * Validates and copies the components.
   *
   * @param kind what is broken
   * @param field the field
   * @param rule the constraint
   * @param severity the severity
   * @param failingCount failing values
   * @param checkedCount checked values
   * @param expected the bound
   * @param actual what was found
   * @param examples failing rows
   */
  public Violation {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(actual, "actual");
    examples = List.copyOf(Objects.requireNonNull(examples, "examples"));
    if (failingCount < 0 || checkedCount < 0) {
      throw new IllegalArgumentException("counts must be >= 0, were " + failingCount + " and " + checkedCount);
    }
  }

  /**
   * Returns the failing share of what was checked.
   *
   * @return {@code failingCount / checkedCount}, or 1 when nothing was checked but the constraint
   *     still failed (a missing column), 0 when nothing was checked and nothing failed
   */
  public double fraction() {
    if (checkedCount == 0) {
      return failingCount > 0 ? 1.0 : 0.0;
    }
    return (double) failingCount / checkedCount;
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
        .append(" — expected ").append(expected).append(", found ").append(actual);
    if (checkedCount > 1 && failingCount > 0) {
      sb.append(String.format(java.util.Locale.ROOT, " (%.4g%%)", 100.0 * fraction()));
    }
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
