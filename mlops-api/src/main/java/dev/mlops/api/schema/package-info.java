/**
 * Data schemas as code and as files: a {@link dev.mlops.api.schema.Schema} of
 * {@link dev.mlops.api.schema.FieldSpec}s with constraints, each with a
 * {@link dev.mlops.api.common.Severity}, and the {@link dev.mlops.api.schema.ValidationReport}
 * that validating a table against it produces. Validation never throws on bad data: every problem
 * is a {@link dev.mlops.api.schema.Violation} in the report.
 *
 * <p>{@code dev.mlops.core.schema.Schemas} validates (one shot, or through a reusable, thread-safe
 * {@link dev.mlops.api.schema.Validator}), infers, reads and writes schemas;
 * {@link dev.mlops.api.schema.ValidationOptions} and {@link dev.mlops.api.schema.InferenceOptions}
 * are the options of validation and inference. The file format is documented in
 * {@code docs/schema-format.md}.
 */
package dev.mlops.api.schema;