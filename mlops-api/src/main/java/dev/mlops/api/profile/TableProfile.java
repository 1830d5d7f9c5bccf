package dev.mlops.api.profile;

import java.util.List;

/** The mergeable summary of a table: one {@link ColumnProfile} per column. */
public interface TableProfile {
  /** @return the number of rows summarised */
  long rowCount();

  /** @return the column profiles, in table order */
  List<ColumnProfile> columns();

  /**
   * Returns a column's profile.
   *
   * @param name the column name
   * @return the profile
   * @throws IllegalArgumentException if there is no such column
   */
  ColumnProfile column(String name);
}
