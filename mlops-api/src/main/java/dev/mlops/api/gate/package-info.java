/**
 * Model quality gates: {@link dev.mlops.api.gate.Metric}s and the predictions they are computed on
 * ({@link dev.mlops.api.gate.ClassificationPredictions}, {@link dev.mlops.api.gate.RegressionPredictions}).
 *
 * <p>{@code dev.mlops.core.gate.Metrics} computes them.
 */
package dev.mlops.api.gate;
