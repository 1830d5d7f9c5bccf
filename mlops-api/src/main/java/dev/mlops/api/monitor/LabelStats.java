package dev.mlops.api.monitor;

import dev.mlops.api.drift.DetectorState;
import java.util.Objects;

/**
 * The late labels a monitor received while a window was open, and the state of the detector they
 * feed.
 *
 * @param count labels received while the window was open
 * @param errors how many of those labels disagreed with the prediction
 * @param detector the error detector's state when the window closed
 */
public record LabelStats(long count, long errors, DetectorState detector) {

  /**
   * Validates the components.
   *
   * @param count the labels
   * @param errors the wrong predictions among them
   * @param detector the detector state
   * @throws NullPointerException if the detector state is null
   * @throws IllegalArgumentException if a count is negative
   */
  public LabelStats {
    if (count < 0 || errors < 0) {
      throw new IllegalArgumentException("label counts must be >= 0, were " + count + " and " + errors);
    }
    Objects.requireNonNull(detector, "detector");
  }
}
