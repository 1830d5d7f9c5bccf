package dev.mlops.core.drift.stream;

import dev.mlops.api.drift.DetectorState;
import java.util.Optional;

/** A detector's last signal, kept in fields so that recording it allocates nothing. */
final class LastSignal {
  private DetectorState state;
  private Side side = Side.UP;
  private double statistic;
  private double threshold;

  DetectorState set(DetectorState state, Side side, double statistic, double threshold) {
    this.state = state;
    this.side = side;
    this.statistic = statistic;
    this.threshold = threshold;
    return state;
  }

  DetectorState stable() {
    if (state != null) {
      state = null;
    }
    return DetectorState.STABLE;
  }

  Optional<Signal> get() {
    return state == null ? Optional.empty() : Optional.of(new Signal(state, side, statistic, threshold));
  }
}
