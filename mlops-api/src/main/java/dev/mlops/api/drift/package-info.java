/**
 * Drift between reference data and current data: the options of a check
 * ({@link dev.mlops.api.drift.DriftOptions}, with column roles, {@link dev.mlops.api.drift.ColumnRole}),
 * the built-in methods ({@link dev.mlops.api.drift.DriftMethod}), the
 * {@link dev.mlops.api.drift.DriftTest} SPI for methods of your own, one column's score
 * ({@link dev.mlops.api.drift.DriftScore}) and line ({@link dev.mlops.api.drift.ColumnDrift}), the
 * {@link dev.mlops.api.drift.DriftReport} over a table, and the
 * {@link dev.mlops.api.drift.StreamingDriftDetector} contract.
 *
 * <p>{@code dev.mlops.core.drift.Drift} and {@code PreparedReference} compute reports;
 * {@code dev.mlops.core.drift.stream.StreamingDetectors} makes detectors.
 */
package dev.mlops.api.drift;
