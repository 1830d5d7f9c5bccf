package dev.mlops.api.schema;

/** What to do with a table column that the schema does not name. */
public enum UnexpectedColumns {
  /** An {@link ViolationKind#UNEXPECTED_COLUMN} error. */
  ERROR,
  /** An {@link ViolationKind#UNEXPECTED_COLUMN} warning (the default). */
  WARN,
  /** Nothing. */
  IGNORE
}
