package dev.mlops.api.monitor;

import java.time.Clock;
import java.time.Duration;

/**
 * Makes the {@link Window}s a serving monitor closes its windows by.
 *
 * <pre>{@code
 * DriftMonitor.builder(reference).window(Windows.count(250)).build();
 * DriftMonitor.builder(reference).window(Windows.time(Duration.ofMinutes(5), Clock.systemUTC())).build();
 * }</pre>
 */
public final class Windows {
  private Windows() {}

  /**
   * A window of a number of predictions. Predictions in flight when a window closes may join it, so
   * a window holds about, not exactly, {@code size} predictions.
   *
   * @param size predictions per window, {@code >= 1}
   * @return the window
   * @throws IllegalArgumentException if the size is below 1
   */
  public static Window.Count count(long size) {
    return new Window.Count(size);
  }

  /**
   * A window of a duration of a clock. A window with no traffic closes on the next prediction or
   * when the monitor is ticked; the next window starts on the grid of {@code length} from the first.
   *
   * @param length the window length, in [1 ms, {@link Window#MAX_TIME}]
   * @param clock the clock that times the windows and stamps the monitor's events
   * @return the window
   * @throws NullPointerException if length or clock is null
   * @throws IllegalArgumentException if the length is out of range
   */
  public static Window.Time time(Duration length, Clock clock) {
    return new Window.Time(length, clock);
  }
}
