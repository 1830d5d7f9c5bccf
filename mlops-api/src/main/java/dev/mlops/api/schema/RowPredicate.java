package dev.mlops.api.schema;

import dev.mlops.api.data.Table;

/** A test of one row of a table, for {@link TableConstraint.RowRule}. */
@FunctionalInterface
public interface RowPredicate {
  /**
   * Tests a row.
   *
   * @param table the table being validated
   * @param row the row index
   * @return true when the row passes
   */
  boolean test(Table table, int row);
}
