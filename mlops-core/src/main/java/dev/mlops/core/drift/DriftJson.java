package dev.mlops.core.drift;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.internal.JsonNumbers;
import dev.mlops.api.drift.ColumnDrift;
import dev.mlops.api.drift.DriftReport;

/** Renders a {@link DriftReport} as versioned JSON; NaN values are written as null. */
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
      n.put("tested", c.tested());
      n.put("drifted", c.drifted());
      if (c.tested()) {
        n.put("method", c.score().method().name());
        JsonNumbers.put(n, "statistic", c.score().statistic());
        JsonNumbers.put(n, "pValue", c.score().pValue());
        JsonNumbers.put(n, "adjustedPValue", c.adjustedPValue());
        n.put("threshold", c.score().threshold());
        n.put("referenceSize", c.score().referenceSize());
        n.put("currentSize", c.score().currentSize());
      }
      JsonNumbers.put(n, "effect", c.effect());
      JsonNumbers.put(n, "referenceNullFraction", c.referenceNullFraction());
      JsonNumbers.put(n, "currentNullFraction", c.currentNullFraction());
      n.put("note", c.note());
    }
    ArrayNode missing = root.putArray("missingRateChanges");
    report.missingRateChanges().forEach(c -> missing.addObject().put("column", c.column())
        .put("referenceNullFraction", c.referenceNullFraction()).put("currentNullFraction", c.currentNullFraction()));
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render drift report as JSON", e);
    }
  }
}
