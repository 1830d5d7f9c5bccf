/**
 * Streaming concept-drift detectors, implemented from their papers. Start at
 * {@link dev.mlops.core.drift.stream.StreamingDetectors}.
 */
package dev.mlops.core.drift.stream;
