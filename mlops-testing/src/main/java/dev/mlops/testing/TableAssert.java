package dev.mlops.testing;

import dev.mlops.api.data.Column;
import dev.mlops.api.data.ColumnType;
import dev.mlops.api.data.NumericColumn;
import dev.mlops.api.data.Table;
import dev.mlops.api.drift.DriftOptions;
import dev.mlops.api.drift.DriftReport;
import dev.mlops.api.schema.Schema;
import dev.mlops.api.schema.ValidationOptions;
import dev.mlops.api.schema.ValidationReport;
import dev.mlops.api.schema.Validator;
import dev.mlops.core.drift.Drift;
import dev.mlops.core.schema.Schemas;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link Table}. Failure messages name the column and show the first offending
 * row indices.
 */
public final class TableAssert extends AbstractAssert<TableAssert, Table> {
  private static final int MAX_EXAMPLES = 5;

  TableAssert(Table actual) {
    super(actual, TableAssert.class);
  }

  /**
   * Verifies the row count.
   *
   * @param expected the expected number of rows
   * @return this
   */
  public TableAssert hasRowCount(int expected) {
    isNotNull();
    if (actual.rowCount() != expected) {
      failWithMessage("Expected table to have %s rows but it has %s", expected, actual.rowCount());
    }
    return this;
  }

  /**
   * Verifies that the table has columns with all of these names (and maybe others).
   *
   * @param names the column names
   * @return this
   */
  public TableAssert hasColumns(String... names) {
    isNotNull();
    List<String> missing = new ArrayList<>();
    for (String name : names) {
      if (!actual.hasColumn(name)) {
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) {
      failWithMessage("Expected table to have columns %s but %s missing; columns are %s",
          Arrays.asList(names), missing, actual.columnNames());
    }
    return this;
  }

  /**
   * Verifies the column names, in order, and that there are no others.
   *
   * @param names the expected column names in table order
   * @return this
   */
  public TableAssert hasExactlyColumns(String... names) {
    isNotNull();
    if (!actual.columnNames().equals(Arrays.asList(names))) {
      failWithMessage("Expected table columns to be exactly %s but were %s", Arrays.asList(names),
          actual.columnNames());
    }
    return this;
  }

  /**
   * Verifies the type of a column.
   *
   * @param name the column name
   * @param expected the expected type
   * @return this
   */
  public TableAssert hasColumnOfType(String name, ColumnType expected) {
    Column column = column(name);
    if (column.type() != expected) {
      failWithMessage("Expected column '%s' to be %s but it is %s", name, expected, column.type());
    }
    return this;
  }

  /**
   * Verifies that the named columns (all columns when none are named) have no null values.
   *
   * @param names column names, or none for every column
   * @return this
   */
  public TableAssert hasNoNulls(String... names) {
    isNotNull();
    List<Column> columns = names.length == 0 ? actual.columns() : Arrays.stream(names).map(this::column).toList();
    StringBuilder problems = new StringBuilder();
    for (Column c : columns) {
      if (c.nullCount() > 0) {
        problems.append(String.format("%n  '%s': %d null(s) of %d rows, first at rows %s", c.name(), c.nullCount(),
            c.size(), firstRows(c, true)));
      }
    }
    if (problems.length() > 0) {
      failWithMessage("Expected no nulls but found:%s", problems);
    }
    return this;
  }

  /**
   * Verifies that a numeric column holds no {@code NaN} or infinite value.
   *
   * @param name the numeric column
   * @return this
   */
  public TableAssert hasOnlyFiniteValues(String name) {
    Column column = column(name);
    if (!(column instanceof NumericColumn numeric)) {
      failWithMessage("Expected column '%s' to be numeric but it is %s", name, column.type());
      return this;
    }
    List<Integer> rows = new ArrayList<>();
    int count = 0;
    for (int i = 0; i < numeric.size(); i++) {
      if (!numeric.isNull(i) && !Double.isFinite(numeric.getDouble(i))) {
        if (rows.size() < MAX_EXAMPLES) {
          rows.add(i);
        }
        count++;
      }
    }
    if (count > 0) {
      failWithMessage("Expected column '%s' to hold only finite values but %d are NaN or infinite, first at rows %s",
          name, count, rows);
    }
    return this;
  }

  /**
   * Verifies that the table conforms to {@code schema}: validation finds no error (warnings are
   * allowed). The failure lists the worst violations with example rows.
   *
   * @param schema the schema
   * @return this
   */
  public TableAssert conformsTo(Schema schema) {
    return conformsTo(schema, ValidationOptions.defaults());
  }

  /**
   * Verifies that the table conforms to {@code schema} under {@code options} (an environment, a
   * severity policy).
   *
   * @param schema the schema
   * @param options validation options
   * @return this
   */
  public TableAssert conformsTo(Schema schema, ValidationOptions options) {
    return conformsTo(Schemas.validator(schema, options));
  }

  /**
   * Verifies that the table conforms to the schema of a prepared {@link Validator}, with its
   * options: handy when many tables are checked against one schema.
   *
   * @param validator the validator, from {@code Schemas.validator(schema[, options])}
   * @return this
   */
  public TableAssert conformsTo(Validator validator) {
    isNotNull();
    ValidationReport report = validator.validate(actual);
    if (report.hasErrors()) {
      failWithMessage("Expected table to conform to the schema but:%n%s", ValidationReportAssert.render(report));
    }
    return this;
  }

  /**
   * Verifies that no column drifted from {@code reference} (default {@link DriftOptions}: timestamp
   * and id-like columns are not tested, see {@link DriftOptions} for the rule).
   *
   * @param reference the reference table
   * @return this
   */
  public TableAssert hasNoDriftFrom(Table reference) {
    return hasNoDriftFrom(reference, DriftOptions.defaults());
  }

  /**
   * Verifies that no column drifted from {@code reference}. The failure lists the most moved
   * columns with their statistics.
   *
   * <pre>{@code
   * assertThat(servingBatch).hasNoDriftFrom(training, DriftOptions.builder()
   *     .role("customer_id", ColumnRole.IDENTIFIER).ignore("notes").build());
   * }</pre>
   *
   * @param reference the reference table
   * @param options column roles, methods, thresholds, correction
   * @return this
   */
  public TableAssert hasNoDriftFrom(Table reference, DriftOptions options) {
    isNotNull();
    DriftReport report = Drift.compare(reference, actual, options);
    if (!report.driftedColumns().isEmpty()) {
      failWithMessage("Expected no drift from the reference but %s drifted:%n%s", report.driftedColumns(),
          DriftReportAssert.render(report));
    }
    return this;
  }

  private Column column(String name) {
    isNotNull();
    Optional<Column> column = actual.findColumn(name);
    if (column.isEmpty()) {
      failWithMessage("Expected table to have column '%s' but columns are %s", name, actual.columnNames());
    }
    return column.orElseThrow();
  }

  private static List<Integer> firstRows(Column c, boolean nulls) {
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < c.size() && rows.size() < MAX_EXAMPLES; i++) {
      if (c.isNull(i) == nulls) {
        rows.add(i);
      }
    }
    return rows;
  }
}
