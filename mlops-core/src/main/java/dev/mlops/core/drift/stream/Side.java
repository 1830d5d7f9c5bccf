package dev.mlops.core.drift.stream;

/** Which change of the mean a detector signals. */
public enum Side {
  /** An increase of the mean (as of an error rate). */
  UP,
  /** A decrease of the mean. */
  DOWN,
  /** Either. */
  BOTH
}
