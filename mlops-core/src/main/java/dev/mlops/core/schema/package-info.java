/**
 * Schema work: validation of tables and profiles (one shot with
 * {@link dev.mlops.core.schema.Schemas#validate}, or through a reusable, thread-safe
 * {@link dev.mlops.api.schema.Validator} from {@link dev.mlops.core.schema.Schemas#validator}),
 * inference from reference data, schemas from record classes, diffs, and schema files (JSON or
 * YAML, documented in {@code docs/schema-format.md}).
 *
 * <p>Start at {@link dev.mlops.core.schema.Schemas}; the types it returns are in
 * {@code dev.mlops.api.schema}.
 */
package dev.mlops.core.schema;
