package dev.mlops.api.common;

/** How much a broken constraint matters; {@link #ERROR} is worse than {@link #WARNING}. */
public enum Severity {
  /** Reported, but the data still conforms. */
  WARNING,
  /** The data does not conform. */
  ERROR;

  /**
   * Returns the worse of two severities.
   *
   * @param other another severity
   * @return {@code this} or {@code other}, whichever is worse
   */
  public Severity worst(Severity other) {
    return other != null && other.compareTo(this) > 0 ? other : this;
  }
}
