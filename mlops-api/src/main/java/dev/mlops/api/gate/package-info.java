/**
 * Model quality gates: {@link dev.mlops.api.gate.Metric}s, the predictions they are computed on
 * ({@link dev.mlops.api.gate.ClassificationPredictions#of ClassificationPredictions.of},
 * {@link dev.mlops.api.gate.RegressionPredictions#of RegressionPredictions.of}), the
 * {@link dev.mlops.api.gate.Criterion criteria} a candidate model must meet (each built by a
 * validating builder) and what a gate found ({@link dev.mlops.api.gate.GateResult},
 * {@link dev.mlops.api.gate.CriterionResult}, {@link dev.mlops.api.gate.Measurement}).
 *
 * <p>{@code dev.mlops.core.gate.Metrics} computes the metrics and {@code dev.mlops.core.gate.QualityGate}
 * evaluates the criteria.
 */
package dev.mlops.api.gate;
