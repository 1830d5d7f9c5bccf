package dev.mlops.core.drift.stream;

/**
 * Whose published implementation a detector follows where MOA's (Java, {@code
 * moa.classifiers.core.driftdetection}, 2024.07) and River's ({@code river.drift}, Python) differ.
 * Each detector's builder documents what the choice changes for it and which one is its default.
 * The algorithm and its parameters are the same either way; the conventions decide details the
 * papers leave open (when a warm-up ends, which cut points ADWIN scans, how Page-Hinkley keeps its
 * sums). With the same conventions and parameters a detector signals at the same indices as that
 * library on the same values.
 */
public enum Conventions {
  /** As MOA 2024.07 does it. */
  MOA,
  /** As River does it. */
  RIVER
}
