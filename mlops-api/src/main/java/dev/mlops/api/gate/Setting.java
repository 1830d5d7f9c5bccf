package dev.mlops.api.gate;

import java.util.Optional;

/**
 * One setting of a criterion builder: set at most once, remembered with the call that set it so
 * that a second or contradicting call can name both.
 *
 * @param <T> the value's type
 */
final class Setting<T> {
  private final String criterion;
  private final String what;
  private T value;
  private String call;

  Setting(String criterion, String what) {
    this.criterion = criterion;
    this.what = what;
  }

  /**
   * Sets the value.
   *
   * @throws IllegalStateException if it was already set, naming the earlier and this call
   */
  void set(T value, String call) {
    if (this.call != null) {
      throw new IllegalStateException("criterion '" + criterion + "': " + what + " was already set to " + this.call
          + "; cannot also set " + call);
    }
    this.value = value;
    this.call = call;
  }

  boolean isSet() {
    return call != null;
  }

  T get() {
    return value;
  }

  Optional<T> value() {
    return call == null ? Optional.empty() : Optional.of(value);
  }

  T orElse(T fallback) {
    return call == null ? fallback : value;
  }

  String call() {
    return call;
  }
}
