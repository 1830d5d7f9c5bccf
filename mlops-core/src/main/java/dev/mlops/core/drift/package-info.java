/**
 * Drift statistics between a reference sample and a current one, checked against SciPy.
 * Start at {@link dev.mlops.core.drift.TwoSample} (numeric samples) and
 * {@link dev.mlops.core.drift.CategoricalDrift} (category counts).
 */
package dev.mlops.core.drift;
