package dev.mlops.api.monitor;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a serving monitor tells its {@link DriftListener}s: which checks fired, for which columns, in
 * which window.
 *
 * @param window the index of the window (0 for the first)
 * @param time when the event was raised (from the monitor's clock)
 * @param signals the checks that fired, never empty
 * @param report the closed window's report; empty for concept drift raised by a late label while a
 *     window is still open
 */
public record DriftEvent(long window, Instant time, List<Signal> signals, Optional<WindowReport> report) {

  /**
   * Validates and copies the components.
   *
   * @param window the window index
   * @param time the time
   * @param signals the signals
   * @param report the report, if any
   * @throws NullPointerException if time, signals or report is null
   * @throws IllegalArgumentException if the window is negative or there is no signal
   */
  public DriftEvent {
    if (window < 0) {
      throw new IllegalArgumentException("window must be >= 0, was " + window);
    }
    Objects.requireNonNull(time, "time");
    signals = List.copyOf(Objects.requireNonNull(signals, "signals"));
    if (signals.isEmpty()) {
      throw new IllegalArgumentException("a drift event needs at least one signal");
    }
    Objects.requireNonNull(report, "report");
  }

  /**
   * Tells whether a kind of check fired.
   *
   * @param kind the kind
   * @return true if a signal of that kind is present
   */
  public boolean has(Signal.Kind kind) {
    Objects.requireNonNull(kind, "kind");
    return signals.stream().anyMatch(s -> s.kind() == kind);
  }

  /** @return the distinct columns named by the signals, in order */
  public List<String> columns() {
    return signals.stream().map(Signal::column).filter(c -> !c.isEmpty()).distinct().toList();
  }

  @Override
  public String toString() {
    return "drift in window " + window + " at " + time + ": " + signals;
  }
}
