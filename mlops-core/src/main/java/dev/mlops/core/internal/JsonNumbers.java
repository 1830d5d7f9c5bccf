package dev.mlops.core.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Not public API. Puts doubles into JSON reports: NaN as null, infinities as strings. */
public final class JsonNumbers {
  private JsonNumbers() {}

  /**
   * Puts {@code v} under {@code key}.
   *
   * @param node the object
   * @param key the key
   * @param v the value
   */
  public static void put(ObjectNode node, String key, double v) {
    if (Double.isNaN(v)) {
      node.putNull(key);
    } else if (Double.isInfinite(v)) {
      node.put(key, v > 0 ? "Infinity" : "-Infinity");
    } else {
      node.put(key, v);
    }
  }
}
