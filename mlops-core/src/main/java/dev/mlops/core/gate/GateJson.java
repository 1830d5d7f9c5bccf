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

/** Renders a {@link GateResult} as versioned JSON; undefined numbers are null. */
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
      JsonNumbers.put(n, "value", c.value());
      JsonNumbers.put(n, "baseline", c.baseline());
      JsonNumbers.put(n, "lower", c.lower());
      JsonNumbers.put(n, "upper", c.upper());
      JsonNumbers.put(n, "pValue", c.pValue());
      n.put("reason", c.reason());
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render gate result as JSON", e);
    }
  }
}
