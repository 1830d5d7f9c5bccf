/**
 * Monitoring a model in serving: estimating its performance before labels arrive.
 *
 * <p>{@link dev.mlops.core.monitor.Cbpe} estimates a binary classifier's confusion matrix,
 * accuracy, precision, recall, specificity, F1 and ROC AUC from its scores alone (confidence-based
 * performance estimation, as NannyML's CBPE), once an {@link dev.mlops.core.monitor.IsotonicCalibrator}
 * fitted on labelled reference data has turned the scores into probabilities:
 *
 * <pre>{@code
 * IsotonicCalibrator calibrator = IsotonicCalibrator.fit(referenceScores, referenceLabels);
 * Cbpe cbpe = Cbpe.of(calibrator, 0.5);
 * Cbpe.Accumulator window = cbpe.accumulator();
 * window.add(score);                           // per prediction, O(1), no allocation
 * PerformanceEstimate estimate = window.estimate();
 * }</pre>
 */
package dev.mlops.core.monitor;
