package dev.mlops.core.drift.stream;

import dev.mlops.api.internal.BuilderCalls;

/**
 * The setter calls a detector builder received, so that a second call names the first (the api
 * builders' {@link BuilderCalls}), and the argument checks the detector builders share.
 */
final class Calls {
  private final BuilderCalls calls = new BuilderCalls();

  /**
   * Records {@code call} as the one that set {@code setting}.
   *
   * @throws IllegalStateException naming both calls if a call set it already
   */
  void once(String setting, String call) {
    calls.once(setting, call);
  }

  static double positiveFinite(String name, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be finite and > 0, was " + value);
    }
    return value;
  }

  static <T> T notNull(String name, T value) {
    if (value == null) {
      throw new NullPointerException(name + " must not be null");
    }
    return value;
  }

  static double unitOpen(String name, double value) {
    if (!(value > 0 && value < 1)) {
      throw new IllegalArgumentException(name + " must be in (0, 1), was " + value);
    }
    return value;
  }

  static int atLeastOne(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be >= 1, was " + value);
    }
    return value;
  }

  static void confidences(double drift, double warning) {
    if (warning < drift) {
      throw new IllegalArgumentException("warningConfidence must be in [driftConfidence, 1) = [" + drift
          + ", 1), was " + warning);
    }
  }
}
