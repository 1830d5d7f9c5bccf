package dev.mlops.core.drift;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.api.drift.ColumnDrift;
import dev.mlops.api.drift.DriftReport;
import dev.mlops.api.drift.DriftScore;
import dev.mlops.core.internal.JsonNumbers;

/**
 * Renders a {@link DriftReport} as versioned JSON; NaN values and absent numbers are written as
 * null. Each column carries its {@code role}; a tested column its {@code method} (a built-in
 * method's or a user's test's name, with {@code builtInMethod} telling which), an untested one its
 * {@code notTestedReason} (also in {@code note}, as before).
 */
final class DriftJson {
  static final int FORMAT_VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private DriftJson() {}

  static String render(DriftReport report) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("formatVersion", FORMAT_VERSION);
    root.put("datasetDrift", report.datasetDrift());
    root.put("driftShare", report.driftShare());
    root.put("shareThreshold", report.shareThreshold());
    root.put("correction", report.correction().name());
    ArrayNode drifted = root.putArray("driftedColumns");
    report.driftedColumns().forEach(drifted::add);
    ArrayNode columns = root.putArray("columns");
    for (ColumnDrift c : report.columns()) {
      ObjectNode n = columns.addObject();
      n.put("column", c.column());
      n.put("type", c.type().name());
      n.put("role", c.role().name());
      n.put("tested", c.tested());
      n.put("drifted", c.drifted());
      if (c.outcome() instanceof ColumnDrift.Tested t) {
        DriftScore s = t.score();
        n.put("method", s.method());
        n.put("builtInMethod", s.builtInMethod().isPresent());
        JsonNumbers.put(n, "statistic", s.statistic());
        JsonNumbers.put(n, "pValue", s.pValue().orElse(Double.NaN));
        JsonNumbers.put(n, "adjustedPValue", t.adjustedPValue().orElse(Double.NaN));
        n.put("threshold", s.threshold());
        n.put("referenceSize", s.sizes().reference());
        n.put("currentSize", s.sizes().current());
      } else {
        n.put("notTestedReason", c.note());
      }
      JsonNumbers.put(n, "effect", c.effect().orElse(Double.NaN));
      JsonNumbers.put(n, "referenceNullFraction", c.nullFractions().reference().orElse(Double.NaN));
      JsonNumbers.put(n, "currentNullFraction", c.nullFractions().current().orElse(Double.NaN));
      n.put("note", c.note());
    }
    ArrayNode missing = root.putArray("missingRateChanges");
    report.missingRateChanges().forEach(c -> {
      ObjectNode m = missing.addObject().put("column", c.column());
      JsonNumbers.put(m, "referenceNullFraction", c.nullFractions().reference().orElse(Double.NaN));
      JsonNumbers.put(m, "currentNullFraction", c.nullFractions().current().orElse(Double.NaN));
    });
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render drift report as JSON", e);
    }
  }
}
