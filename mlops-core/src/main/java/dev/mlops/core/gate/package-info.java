/**
 * Model quality metrics that match scikit-learn. Start at {@link dev.mlops.core.gate.Metrics}.
 */
package dev.mlops.core.gate;
