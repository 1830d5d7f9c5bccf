/**
 * What a host application programs against when it monitors a model in serving: the window spec
 * ({@link dev.mlops.api.monitor.Window}, made by {@link dev.mlops.api.monitor.Windows}), the
 * listeners ({@link dev.mlops.api.monitor.DriftListener}, {@link dev.mlops.api.monitor.WindowListener}),
 * the values they receive ({@link dev.mlops.api.monitor.DriftEvent} with its
 * {@link dev.mlops.api.monitor.Signal}s, {@link dev.mlops.api.monitor.WindowReport} made of a
 * {@link dev.mlops.api.monitor.WindowSpan}, {@link dev.mlops.api.monitor.DriftChecks} with
 * {@link dev.mlops.api.monitor.ColumnScore}s and {@link dev.mlops.api.monitor.LabelStats}), and the
 * label-free performance estimation SPI ({@link dev.mlops.api.monitor.PerformanceEstimator},
 * {@link dev.mlops.api.monitor.PerformanceEstimate}, {@link dev.mlops.api.monitor.ConfusionEstimate}).
 *
 * <p>{@code dev.mlops.core.monitor.DriftMonitor} runs the monitor and {@code dev.mlops.core.monitor.Cbpe}
 * implements the estimator.
 *
 * <pre>{@code
 * DriftMonitor monitor = DriftMonitor.builder(referenceProfile)
 *     .window(Windows.count(1_000))
 *     .onDrift(event -> retrainQueue.offer(event))
 *     .build();
 * }</pre>
 */
package dev.mlops.api.monitor;
