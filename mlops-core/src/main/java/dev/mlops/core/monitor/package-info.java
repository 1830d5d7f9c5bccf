/**
 * Monitoring a model in serving.
 *
 * <p>{@link dev.mlops.core.monitor.DriftMonitor} wraps a model (any function, or a Tribuo model
 * through {@code dev.mlops.tribuo.TribuoMonitoring} in mlops-tribuo), profiles the features and scores
 * of each window, compares every closed window with a reference profile and a schema, estimates
 * accuracy without labels, feeds late labels to a streaming detector, and calls
 * {@link dev.mlops.api.monitor.DriftListener}s with {@link dev.mlops.api.monitor.DriftEvent}s: the
 * hook for alerts and continuous training. The values and listener types it hands out live in
 * {@code dev.mlops.api.monitor}.
 *
 * <pre>{@code
 * DriftMonitor monitor = DriftMonitor.builder(referenceProfile)
 *     .window(Windows.count(1_000))
 *     .schema(schema)
 *     .performanceEstimate(Cbpe.of(IsotonicCalibrator.fit(referenceScores, referenceLabels), 0.5), 0.7)
 *     .onDrift(event -> retrainQueue.offer(event))
 *     .build();
 * }</pre>
 *
 * <p>{@link dev.mlops.core.monitor.Cbpe}, the built-in
 * {@link dev.mlops.api.monitor.PerformanceEstimator}, estimates a binary classifier's confusion
 * matrix, accuracy, precision, recall, specificity, F1 and ROC AUC from its scores alone
 * (confidence-based performance estimation, as NannyML's CBPE), once an
 * {@link dev.mlops.core.monitor.IsotonicCalibrator} fitted on labelled reference data has turned the
 * scores into probabilities:
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
