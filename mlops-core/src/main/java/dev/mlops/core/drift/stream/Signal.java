package dev.mlops.core.drift.stream;

import dev.mlops.api.drift.DetectorState;
import java.util.Objects;

/**
 * What a detector read when it signalled: the state, the side of the change, and the statistic
 * that crossed the threshold (what MOA and River users read from these detectors' fields). For
 * every detector but EDDM and KSWIN the statistic exceeded the threshold; those two signal when it
 * falls below. Per detector: ADWIN, the absolute difference of the two sub-windows' means and the
 * bound epsilon at the cut (UP when the newer part's mean is higher); DDM, {@code p + s} and
 * {@code p_min + level s_min}; EDDM, {@code (m + 2s) / max} and the ratio; HDDM-A and HDDM-W, the
 * difference of the means and the bound; KSWIN, the Kolmogorov-Smirnov p-value and alpha (UP when
 * the newest values' mean is at least the sample's); Page-Hinkley, the cumulative statistic and the
 * threshold.
 *
 * @param state WARNING or DRIFT
 * @param side UP for an increase of the mean, DOWN for a decrease
 * @param statistic the detector's statistic at the signal
 * @param threshold the value it crossed
 */
public record Signal(DetectorState state, Side side, double statistic, double threshold) {
  /**
   * @throws NullPointerException if the state or side is null
   * @throws IllegalArgumentException if the state is STABLE or the side BOTH
   */
  public Signal {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(side, "side");
    if (state == DetectorState.STABLE) {
      throw new IllegalArgumentException("a signal is a WARNING or a DRIFT, not " + state);
    }
    if (side == Side.BOTH) {
      throw new IllegalArgumentException("a signal has one side, UP or DOWN, not " + side);
    }
  }
}
