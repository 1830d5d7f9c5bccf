package dev.mlops.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.api.common.Severity;
import dev.mlops.api.gate.CriterionResult;
import dev.mlops.api.gate.GateResult;
import dev.mlops.api.gate.Measurement;
import dev.mlops.api.gate.Metric;
import dev.mlops.api.gate.Verdict;
import dev.mlops.core.internal.JsonFields;
import dev.mlops.core.internal.JsonNumbers;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A {@link GateResult} as JSON ({@code formatVersion} 1). Each criterion carries {@code value},
 * {@code baseline}, {@code lower} and {@code upper} (the change's interval) and {@code pValue}; an
 * absent or undefined number is null, an infinite one the string {@code "Infinity"}.
 */
final class GateResultJson implements JsonCodec<GateResult> {
  static final int FORMAT_VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Override
  public Class<GateResult> type() {
    return GateResult.class;
  }

  @Override
  public String write(GateResult result) {
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

  @Override
  public GateResult read(String json, String source) {
    JsonFields r = new JsonFields(source);
    JsonNode root = MlopsJson.parse(json, source);
    MlopsJson.checkVersion(r, root, FORMAT_VERSION);
    Verdict verdict = r.enumValue(root, "$", "verdict", Verdict.class);
    JsonNode criteria = r.array(r.required(root, "$", "criteria"), "$.criteria");
    List<CriterionResult> out = new ArrayList<>();
    for (int i = 0; i < criteria.size(); i++) {
      JsonNode c = criteria.get(i);
      String at = "$.criteria[" + i + "]";
      if (!c.isObject()) {
        throw r.fail(at, "expected an object, found " + JsonFields.describe(c));
      }
      try {
        out.add(new CriterionResult(r.text(c, at, "name"), r.enumValue(c, at, "metric", Metric.class),
            r.enumValue(c, at, "severity", Severity.class), r.enumValue(c, at, "verdict", Verdict.class),
            measurement(r, c, at), r.text(c, at, "reason")));
      } catch (IllegalArgumentException e) {
        throw r.fail(at, e.getMessage());
      }
    }
    return new GateResult(verdict, out);
  }

  /** A criterion's numbers; null (absent or undefined) leaves a part out. */
  private static Measurement measurement(JsonFields r, JsonNode c, String at) {
    Measurement m = Measurement.of(r.reportNumber(c, at, "value"));
    double baseline = r.reportNumber(c, at, "baseline");
    double lower = r.reportNumber(c, at, "lower");
    double upper = r.reportNumber(c, at, "upper");
    double p = r.reportNumber(c, at, "pValue");
    m = Double.isNaN(baseline) ? m : m.withBaseline(baseline);
    m = Double.isNaN(lower) || Double.isNaN(upper) ? m : m.withInterval(lower, upper);
    return Double.isNaN(p) ? m : m.withPValue(p);
  }

  private static void put(ObjectNode node, String key, OptionalDouble value) {
    if (value.isPresent()) {
      JsonNumbers.put(node, key, value.getAsDouble());
    } else {
      node.putNull(key);
    }
  }
}
