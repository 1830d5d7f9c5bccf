package dev.mlops.api.schema;

import dev.mlops.api.common.Severity;
import dev.mlops.api.data.Column;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/** A constraint on a whole table or on several of its columns. */
public sealed interface TableConstraint {

  /**
   * Returns the severity of a violation of this constraint.
   *
   * @return the declared severity
   */
  Severity severity();

  /**
   * The table has between {@code min} and {@code max} rows (inclusive).
   *
   * @param min the smallest row count, {@code >= 0}
   * @param max the largest row count, {@code >= min}
   * @param severity the severity of a violation
   */
  record RowCount(long min, long max, Severity severity) implements TableConstraint {
    /**
     * Validates the components.
     *
     * @param min the smallest row count
     * @param max the largest row count
     * @param severity the severity
     */
    public RowCount {
      if (min < 0 || max < min) {
        throw new IllegalArgumentException("row count bounds must satisfy 0 <= min <= max, were " + min + " and " + max);
      }
      Objects.requireNonNull(severity, "severity");
    }
  }

  /**
   * No two rows share the same combination of values in {@code fields} (rows with a null in any of
   * them are not compared).
   *
   * @param fields two or more field names
   * @param severity the severity of a violation
   */
  record UniqueTogether(List<String> fields, Severity severity) implements TableConstraint {
    /**
     * Validates and copies the components.
     *
     * @param fields the field names
     * @param severity the severity
     */
    public UniqueTogether {
      fields = List.copyOf(Objects.requireNonNull(fields, "fields"));
      if (fields.size() < 2 || fields.stream().distinct().count() != fields.size()) {
        throw new IllegalArgumentException("unique-together needs two or more distinct fields, got " + fields);
      }
      Objects.requireNonNull(severity, "severity");
    }
  }

  /** A comparison operator for {@link Compare}. */
  enum Op {
    /** Less than. */
    LT("<"),
    /** Less than or equal. */
    LE("<="),
    /** Equal. */
    EQ("=="),
    /** Not equal. */
    NE("!="),
    /** Greater than or equal. */
    GE(">="),
    /** Greater than. */
    GT(">");

    private final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    /**
     * Returns the operator's symbol.
     *
     * @return {@code <}, {@code <=}, ...
     */
    public String symbol() {
      return symbol;
    }

    /**
     * Applies the operator to the result of a comparison.
     *
     * @param cmp a negative, zero or positive comparison result
     * @return whether {@code left op right} holds
     */
    public boolean holds(int cmp) {
      return switch (this) {
        case LT -> cmp < 0;
        case LE -> cmp <= 0;
        case EQ -> cmp == 0;
        case NE -> cmp != 0;
        case GE -> cmp >= 0;
        case GT -> cmp > 0;
      };
    }
  }

  /**
   * A named rule {@code left op right} between two columns of the same kind (numeric, timestamp,
   * categorical by string order, boolean with false before true), checked on every row where both
   * values are present; rows with a null or {@code NaN} on either side are not judged.
   *
   * @param name the rule's name, shown in reports
   * @param left the left field
   * @param op the operator
   * @param right the right field
   * @param severity the severity of a violation
   */
  record Compare(String name, String left, Op op, String right, Severity severity) implements TableConstraint {
    /**
     * Validates the components.
     *
     * @param name the rule's name
     * @param left the left field
     * @param op the operator
     * @param right the right field
     * @param severity the severity
     */
    public Compare {
      checkName(name);
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(right, "right");
      Objects.requireNonNull(severity, "severity");
    }
  }

  /**
   * A named predicate every row must pass. Code only: a schema holding one cannot be written to a
   * file.
   *
   * @param name the rule's name, shown in reports
   * @param predicate the test
   * @param severity the severity of a violation
   */
  record RowRule(String name, RowPredicate predicate, Severity severity) implements TableConstraint {
    /**
     * Validates the components.
     *
     * @param name the rule's name
     * @param predicate the test
     * @param severity the severity
     */
    public RowRule {
      checkName(name);
      Objects.requireNonNull(predicate, "predicate");
      Objects.requireNonNull(severity, "severity");
    }
  }

  /**
   * A named predicate one column must pass as a whole. Code only: a schema holding one cannot be
   * written to a file.
   *
   * @param name the rule's name, shown in reports
   * @param field the column's field name
   * @param predicate the test
   * @param severity the severity of a violation
   */
  record ColumnRule(String name, String field, Predicate<Column> predicate, Severity severity)
      implements TableConstraint {
    /**
     * Validates the components.
     *
     * @param name the rule's name
     * @param field the field
     * @param predicate the test
     * @param severity the severity
     */
    public ColumnRule {
      checkName(name);
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(predicate, "predicate");
      Objects.requireNonNull(severity, "severity");
    }
  }

  private static void checkName(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a rule name must not be blank");
    }
  }
}
