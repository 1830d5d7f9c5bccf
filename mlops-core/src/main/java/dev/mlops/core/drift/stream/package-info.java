/**
 * Streaming concept-drift detectors, implemented from their papers. Start at
 * {@link dev.mlops.core.drift.stream.StreamingDetectors} (each detector with its defaults); each
 * detector class has a {@code builder()} for other settings.
 */
package dev.mlops.core.drift.stream;
