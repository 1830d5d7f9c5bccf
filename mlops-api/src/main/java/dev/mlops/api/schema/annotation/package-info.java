/**
 * Annotations on record components that {@code Schemas.fromRecord(Type.class)} reads into a
 * {@link dev.mlops.api.schema.Schema}.
 *
 * <pre>{@code
 * record Loan(
 *     @Range(min = 18, max = 100) int age,
 *     @Domain({"car", "education", "radio/tv"}) String purpose,
 *     @Pattern("[A-Z]{2}\\d{6}") String reference,
 *     @NullsAllowed Double income,
 *     Optional<String> note) {}
 * }</pre>
 */
package dev.mlops.api.schema.annotation;
