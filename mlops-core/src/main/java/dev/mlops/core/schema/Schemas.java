package dev.mlops.core.schema;

import static java.util.Objects.requireNonNull;

import dev.mlops.api.data.Table;
import dev.mlops.api.schema.Schema;
import dev.mlops.api.schema.ValidationOptions;
import dev.mlops.api.schema.ValidationReport;
import dev.mlops.core.data.Tables;
import java.util.List;

/**
 * Entry point for schema work: validation (and, in this package, schema files and inference).
 *
 * <pre>{@code
 * ValidationReport report = Schemas.validate(table, schema);
 * System.out.println(report.toText());
 * int[] quarantine = report.failingRows();
 * }</pre>
 *
 * <p>Validation never throws on bad data: a missing column, a wrong type, an out-of-range value are
 * {@link dev.mlops.api.schema.Violation}s in the report. Each field's column is scanned once for
 * all its row-level constraints; categorical constraints are judged once per distinct value.
 */
public final class Schemas {
  private Schemas() {}

  /**
   * Validates a table with the {@linkplain ValidationOptions#defaults() default options}.
   *
   * @param table the table
   * @param schema the schema
   * @return the report of every violation
   */
  public static ValidationReport validate(Table table, Schema schema) {
    return validate(table, schema, ValidationOptions.defaults());
  }

  /**
   * Validates a table.
   *
   * @param table the table
   * @param schema the schema
   * @param options environment, severity policy and examples per violation
   * @return the report of every violation
   */
  public static ValidationReport validate(Table table, Schema schema, ValidationOptions options) {
    requireNonNull(table, "table");
    requireNonNull(schema, "schema");
    requireNonNull(options, "options");
    return new SchemaValidator(table, schema, options).run();
  }

  /**
   * Validates Java records (or JavaBeans) through {@link Tables#fromRecords}.
   *
   * @param rows the objects
   * @param type their class
   * @param schema the schema
   * @param options validation options
   * @param <T> the row type
   * @return the report; row indices are positions in {@code rows}
   */
  public static <T> ValidationReport validate(List<? extends T> rows, Class<T> type, Schema schema,
      ValidationOptions options) {
    return validate(Tables.fromRecords(rows, type), schema, options);
  }
}
