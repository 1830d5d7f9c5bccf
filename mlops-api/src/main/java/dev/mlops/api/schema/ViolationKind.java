package dev.mlops.api.schema;

/** What a {@link Violation} is about. */
public enum ViolationKind {
  /** A required field has no column (in this environment). */
  MISSING_COLUMN,
  /** A column that the schema does not name. */
  UNEXPECTED_COLUMN,
  /** A column whose type is not the field's. */
  TYPE_MISMATCH,
  /** More nulls than the field allows. */
  NULL_FRACTION,
  /** {@code NaN} where the field forbids it. */
  NAN,
  /** An infinite value where the field forbids it. */
  INFINITE,
  /** Values outside the field's numeric range. */
  OUT_OF_RANGE,
  /** A mean outside its bounds. */
  MEAN_OUT_OF_RANGE,
  /** A standard deviation outside its bounds. */
  STDDEV_OUT_OF_RANGE,
  /** A quantile outside its bounds. */
  QUANTILE_OUT_OF_RANGE,
  /** Too small a share of values in the field's domain. */
  NOT_IN_DOMAIN,
  /** More distinct values than allowed. */
  TOO_MANY_DISTINCT,
  /** Strings that do not match the field's pattern. */
  PATTERN_MISMATCH,
  /** Strings whose length is outside the bounds. */
  LENGTH_OUT_OF_RANGE,
  /** Repeated values (or repeated combinations) where uniqueness is required. */
  NOT_UNIQUE,
  /** A row count outside the bounds. */
  ROW_COUNT,
  /** Rows that break a named comparison between two columns. */
  CROSS_COLUMN,
  /** Rows that fail a named row predicate. */
  ROW_PREDICATE,
  /** A column that fails a named column predicate. */
  COLUMN_PREDICATE
}
