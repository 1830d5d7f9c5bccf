package dev.mlops.api.profile;

import dev.mlops.api.data.ColumnType;

/** The mergeable summary of one column. */
public interface ColumnProfile {
  /** @return the column name */
  String name();

  /** @return the column type */
  ColumnType type();

  /** @return the number of rows seen, nulls included */
  long count();

  /** @return the number of null rows */
  long nullCount();
}
