/**
 * Model quality metrics that match scikit-learn ({@link dev.mlops.core.gate.Metrics}) and quality
 * gates that judge a candidate model, optionally against a baseline
 * ({@link dev.mlops.core.gate.QualityGate}).
 */
package dev.mlops.core.gate;
