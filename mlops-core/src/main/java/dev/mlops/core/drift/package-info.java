/**
 * Batch drift between reference data and current data. Start at
 * {@link dev.mlops.core.drift.Drift} (one comparison) or {@link dev.mlops.core.drift.PreparedReference}
 * (a reference prepared once for many); the options, column roles and report types are in
 * {@code dev.mlops.api.drift}. The statistics, checked against SciPy, are in
 * {@link dev.mlops.core.drift.TwoSample} (numeric samples) and
 * {@link dev.mlops.core.drift.CategoricalDrift} (category counts).
 */
package dev.mlops.core.drift;
