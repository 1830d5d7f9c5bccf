package dev.mlops.api.gate;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** Row attributes of predictions, shared by both kinds: add, read, select rows. */
final class Attributes {
  private Attributes() {}

  static Map<String, String[]> with(Map<String, String[]> attributes, String name, String[] values, int rows) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(values, "values");
    if (values.length != rows) {
      throw new IllegalArgumentException("attribute '" + name + "' has " + values.length + " values for " + rows
          + " rows");
    }
    if (attributes.containsKey(name)) {
      throw new IllegalArgumentException("attribute '" + name + "' is already set");
    }
    Map<String, String[]> copy = new HashMap<>(attributes);
    copy.put(name, values.clone());
    return Map.copyOf(copy);
  }

  static String[] get(Map<String, String[]> attributes, String name) {
    String[] values = attributes.get(Objects.requireNonNull(name, "name"));
    if (values == null) {
      throw new IllegalArgumentException("no attribute '" + name + "'; attributes are " + attributes.keySet());
    }
    return values.clone();
  }

  static Map<String, String[]> select(Map<String, String[]> attributes, int[] rows) {
    Map<String, String[]> selected = new HashMap<>();
    attributes.forEach((name, values) -> {
      String[] s = new String[rows.length];
      for (int i = 0; i < rows.length; i++) {
        s[i] = values[rows[i]];
      }
      selected.put(name, s);
    });
    return Map.copyOf(selected);
  }
}
