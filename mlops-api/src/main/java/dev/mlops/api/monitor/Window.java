package dev.mlops.api.monitor;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * When a serving monitor closes a window: after a number of predictions ({@link Count}) or after a
 * duration of a clock ({@link Time}). Made by {@link Windows#count(long)} and
 * {@link Windows#time(Duration, Clock)}.
 *
 * <pre>{@code
 * DriftMonitor.builder(reference).window(Windows.count(250));
 * DriftMonitor.builder(reference).window(Windows.time(Duration.ofMinutes(5), clock));
 * }</pre>
 */
public sealed interface Window permits Window.Count, Window.Time {

  /** The longest time window, 36,500 days. */
  Duration MAX_TIME = Duration.ofDays(36_500);

  /**
   * A window that closes after {@code size} predictions.
   *
   * @param size predictions per window, {@code >= 1}
   */
  record Count(long size) implements Window {
    /**
     * Validates the size.
     *
     * @param size predictions per window
     * @throws IllegalArgumentException if the size is below 1
     */
    public Count {
      if (size < 1) {
        throw new IllegalArgumentException("window size must be >= 1, was " + size);
      }
    }

    /** @return {@code count(size)} */
    @Override
    public String toString() {
      return "count(" + size + ")";
    }
  }

  /**
   * A window that closes when {@code length} of the clock has passed since it opened. The clock also
   * stamps the window's start and end and the monitor's events.
   *
   * @param length the window length, in [1 ms, {@link #MAX_TIME}]
   * @param clock the clock
   */
  record Time(Duration length, Clock clock) implements Window {
    /**
     * Validates the components.
     *
     * @param length the window length
     * @param clock the clock
     * @throws NullPointerException if length or clock is null
     * @throws IllegalArgumentException if the length is below 1 ms or above {@link #MAX_TIME}
     */
    public Time {
      Objects.requireNonNull(length, "length");
      Objects.requireNonNull(clock, "clock");
      if (length.compareTo(Duration.ofMillis(1)) < 0 || length.compareTo(MAX_TIME) > 0) {
        throw new IllegalArgumentException("a time window must last at least 1 ms and at most " + MAX_TIME
            + ", was " + length);
      }
    }

    /** @return {@code time(length)}, such as {@code time(PT5M)} */
    @Override
    public String toString() {
      return "time(" + length + ")";
    }
  }
}
