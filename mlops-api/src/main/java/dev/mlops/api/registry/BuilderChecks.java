package dev.mlops.api.registry;

import java.util.Map;

/** The builders' rule: a value is set once; a second call, or a contradicting one, names both. */
final class BuilderChecks {
  private BuilderChecks() {}

  /**
   * Fails if a single-valued setting was already made.
   *
   * @param what the setting, such as {@code version}
   * @param current its value so far, or null if unset
   * @param attempted the value of the second call
   * @throws IllegalStateException if it was already set, naming both values
   */
  static void once(String what, Object current, Object attempted) {
    if (current != null) {
      throw new IllegalStateException(what + " was already set to " + show(current) + "; cannot also set "
          + show(attempted));
    }
  }

  /**
   * Adds a keyed entry, failing if the key already has one.
   *
   * @param map the entries so far
   * @param what what an entry is, such as {@code tag}
   * @param key the key
   * @param value the value
   * @param <V> the value type
   * @throws IllegalStateException if the key was already set, naming both values
   */
  static <V> void putOnce(Map<String, V> map, String what, String key, V value) {
    V current = map.get(key);
    if (current != null) {
      throw new IllegalStateException(what + " " + RegistryNames.quote(key) + " was already set to " + show(current)
          + "; cannot also set " + show(value));
    }
    map.put(key, value);
  }

  static String show(Object value) {
    if (value instanceof String s) {
      return RegistryNames.quote(s.length() <= 60 ? s : s.substring(0, 60) + "...");
    }
    return String.valueOf(value);
  }
}
