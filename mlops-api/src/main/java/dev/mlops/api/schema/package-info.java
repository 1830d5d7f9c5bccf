/**
 * Data schemas as code and as files: a {@link dev.mlops.api.schema.Schema} of
 * {@link dev.mlops.api.schema.FieldSpec}s with constraints, each with a
 * {@link dev.mlops.api.common.Severity}, and the {@link dev.mlops.api.schema.ValidationReport}
 * that validating a table against it produces. Validation never throws on bad data: every problem
 * is a {@link dev.mlops.api.schema.Violation} in the report.
 *
 * <p>{@code dev.mlops.core.schema.Schemas} validates, infers, reads and writes schemas.
 */
package dev.mlops.api.schema;

import dev.mlops.api.common.Severity;