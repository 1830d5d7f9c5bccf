package dev.mlops.api.schema;

import dev.mlops.api.data.Table;
import dev.mlops.api.profile.TableProfile;

/**
 * A schema prepared for validation with fixed options: patterns are compiled and each field's
 * constraints resolved once, when the validator is created, and reused for every table. A
 * validator is immutable and thread-safe: one instance may validate tables (or profiles) from
 * several threads at once, each call returning its own report. Row and column rules
 * ({@link TableConstraint.RowRule}, {@link TableConstraint.ColumnRule}) run the predicates they
 * were given, which must then be thread-safe too.
 *
 * <pre>{@code
 * Validator validator = Schemas.validator(schema, ValidationOptions.builder()
 *     .environment(Schema.SERVING).build());
 * for (Table batch : batches) {
 *   ValidationReport report = validator.validate(batch);
 * }
 * }</pre>
 *
 * <p>{@code Schemas.validator(schema[, options])} in {@code dev.mlops.core.schema} creates one.
 */
public interface Validator {

  /**
   * Returns the schema this validator checks.
   *
   * @return the schema
   */
  Schema schema();

  /**
   * Returns the options every validation uses.
   *
   * @return the options
   */
  ValidationOptions options();

  /**
   * Validates a table. Never throws on bad data: every problem is a {@link Violation}.
   *
   * @param table the table
   * @return the report of every violation
   * @throws NullPointerException if {@code table} is null
   */
  ValidationReport validate(Table table);

  /**
   * Validates a profile instead of rows: the checks that need only counts, moments, extremes and
   * sketches run; {@link FieldConstraint.Pattern}, {@link FieldConstraint.Length},
   * {@link FieldConstraint.Unique} and table constraints other than
   * {@link TableConstraint.RowCount} are skipped. Violations carry no example rows.
   *
   * @param profile the profile
   * @return the report
   * @throws NullPointerException if {@code profile} is null
   */
  ValidationReport validate(TableProfile profile);
}
