/**
 * Drift between reference data and current data: the methods ({@link dev.mlops.api.drift.DriftMethod}),
 * one column's score ({@link dev.mlops.api.drift.DriftScore}), the {@link dev.mlops.api.drift.DriftTest}
 * SPI, and the {@link dev.mlops.api.drift.DriftReport} over a table.
 *
 * <p>{@code dev.mlops.core.drift.Drift} computes them.
 */
package dev.mlops.api.drift;
