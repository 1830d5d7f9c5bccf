package dev.mlops.core.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.api.common.Severity;
import dev.mlops.api.schema.ValidationReport;
import dev.mlops.api.schema.Violation;

/** Renders a {@link ValidationReport} as JSON, deterministically (same report, same bytes). */
final class ReportJson {
  static final int FORMAT_VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ReportJson() {}

  static String render(ValidationReport report) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    root.put("formatVersion", FORMAT_VERSION);
    root.put("schema", report.schemaName());
    root.put("environment", report.environment());
    root.put("rowCount", report.rowCount());
    long errors = report.violations().stream().filter(v -> v.severity() == Severity.ERROR).count();
    root.put("status", errors > 0 ? "FAIL" : report.violations().isEmpty() ? "PASS" : "WARN");
    root.put("errors", errors);
    root.put("warnings", report.violations().size() - errors);
    root.put("failingRowCount", report.failingRows().length);
    ArrayNode violations = root.putArray("violations");
    for (Violation v : report.violations()) {
      ObjectNode n = violations.addObject();
      n.put("kind", v.kind().name());
      n.put("field", v.field());
      n.put("rule", v.rule());
      n.put("severity", v.severity().name());
      n.put("failingCount", v.counts().failing());
      n.put("checkedCount", v.counts().checked());
      n.put("fraction", v.counts().fraction());
      n.put("expected", v.evidence().expected());
      n.put("actual", v.evidence().actual());
      ArrayNode examples = n.putArray("examples");
      for (Violation.Example e : v.evidence().examples()) {
        examples.addObject().put("row", e.row()).put("value", e.value());
      }
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render report as JSON", e);
    }
  }
}
