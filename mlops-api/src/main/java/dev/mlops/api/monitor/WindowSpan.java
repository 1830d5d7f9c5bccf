package dev.mlops.api.monitor;

import java.time.Instant;
import java.util.Objects;

/**
 * Which window a {@link WindowReport} covers: its index and when it opened and closed (by the
 * monitor's clock).
 *
 * @param index the window's index, from 0
 * @param start when the window opened
 * @param end when it closed
 */
public record WindowSpan(long index, Instant start, Instant end) {

  /**
   * Validates the components.
   *
   * @param index the index
   * @param start the start
   * @param end the end
   * @throws NullPointerException if start or end is null
   * @throws IllegalArgumentException if the index is negative
   */
  public WindowSpan {
    if (index < 0) {
      throw new IllegalArgumentException("index must be >= 0, was " + index);
    }
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
  }
}
