package dev.mlops.api.gate;

/** The outcome of a criterion, or of a whole gate. */
public enum Verdict {
  /** The criterion holds. */
  PASS,
  /** A warning-severity criterion does not hold; the gate still passes. */
  WARN,
  /** The data cannot decide (a metric undefined on these rows, a sample too small). */
  INCONCLUSIVE,
  /** An error-severity criterion does not hold. */
  FAIL
}
