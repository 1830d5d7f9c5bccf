package dev.mlops.core.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.internal.JsonNumbers;
import dev.mlops.api.gate.CriterionResult;
import dev.mlops.api.gate.GateResult;
import dev.mlops.api.gate.Measurement;
import java.util.OptionalDouble;

/**
 * Renders a {@link GateResult} as versioned JSON. Each criterion carries {@code value},
 * {@code baseline}, {@code lower} and {@code upper} (the change's interval) and {@code pValue}; an
 * absent or undefined number is null.
 */
final class GateJson {
  static final int FORMAT_VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private GateJson() {}

  static String render(GateResult result) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("formatVersion", FORMAT_VERSION);
    root.put("verdict", result.verdict().name());
    root.put("passed", result.passed());
    ArrayNode criteria = root.putArray("criteria");
    for (CriterionResult c : result.criteria()) {
      ObjectNode n = criteria.addObject();
      n.put("name", c.name());
      n.put("metric", c.metric().name());
      n.put("severity", c.severity().name());
      n.put("verdict", c.verdict().name());
      Measurement m = c.measurement();
      JsonNumbers.put(n, "value", m.value());
      put(n, "baseline", m.baseline());
      put(n, "lower", m.interval().map(i -> OptionalDouble.of(i.lower())).orElseGet(OptionalDouble::empty));
      put(n, "upper", m.interval().map(i -> OptionalDouble.of(i.upper())).orElseGet(OptionalDouble::empty));
      put(n, "pValue", m.pValue());
      n.put("reason", c.reason());
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render gate result as JSON", e);
    }
  }

  private static void put(ObjectNode node, String key, OptionalDouble value) {
    if (value.isPresent()) {
      JsonNumbers.put(node, key, value.getAsDouble());
    } else {
      node.putNull(key);
    }
  }
}
