package dev.mlops.api.schema;

import java.util.Objects;

/**
 * One difference between two schemas, from {@code Schemas.diff(old, new)}.
 *
 * <p>A change is {@link #breaking()} when a table that conformed to the old schema may fail the new
 * one: a new required field or error-severity constraint, a narrower range or domain, a changed
 * type or pattern. Loosening changes (a removed constraint, a wider range, an optional field, a
 * constraint that became a warning) are compatible.
 *
 * @param kind what changed
 * @param field the field, or an empty string for a schema-level change
 * @param description the change in words, old and new values included
 * @param breaking whether data that conformed before may no longer conform
 */
public record SchemaChange(Kind kind, String field, String description, boolean breaking) {

  /** What changed. */
  public enum Kind {
    /** A field was added. */
    FIELD_ADDED,
    /** A field was removed. */
    FIELD_REMOVED,
    /** A field's type changed. */
    TYPE_CHANGED,
    /** A field became required or optional. */
    PRESENCE_CHANGED,
    /** The environments a field may be absent in changed. */
    ENVIRONMENTS_CHANGED,
    /** A field constraint was added. */
    CONSTRAINT_ADDED,
    /** A field constraint was removed. */
    CONSTRAINT_REMOVED,
    /** A field constraint's bounds or severity changed. */
    CONSTRAINT_CHANGED,
    /** A table constraint was added. */
    TABLE_CONSTRAINT_ADDED,
    /** A table constraint was removed. */
    TABLE_CONSTRAINT_REMOVED,
    /** The unexpected-columns policy changed. */
    UNEXPECTED_COLUMNS_CHANGED
  }

  /**
   * Validates the components.
   *
   * @param kind what changed
   * @param field the field
   * @param description the change in words
   * @param breaking whether it is breaking
   */
  public SchemaChange {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(description, "description");
  }

  @Override
  public String toString() {
    return (breaking ? "BREAKING " : "compatible ") + kind + (field.isEmpty() ? "" : " '" + field + "'") + ": "
        + description;
  }
}
