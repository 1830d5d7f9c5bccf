package dev.mlops.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.api.common.Severity;
import dev.mlops.api.schema.ValidationReport;
import dev.mlops.api.schema.Violation;
import dev.mlops.api.schema.ViolationKind;
import dev.mlops.core.internal.JsonFields;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A {@link ValidationReport} as JSON ({@code formatVersion} 1): status ({@code PASS}, {@code WARN}
 * or {@code FAIL}), counts, every violation worst first with its examples, and the failing rows as
 * runs of consecutive indices ({@code "errorRows": [[0, 4], [9, 9]]} is rows 0 to 4 and row 9), so
 * that a table where every row fails stays small. {@code status}, {@code errors}, {@code warnings}
 * and {@code failingRowCount} are derived, written for readers, and recomputed when read.
 */
final class ValidationReportJson implements JsonCodec<ValidationReport> {
  static final int FORMAT_VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Override
  public Class<ValidationReport> type() {
    return ValidationReport.class;
  }

  @Override
  public String write(ValidationReport report) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("formatVersion", FORMAT_VERSION);
    root.put("schema", report.schemaName());
    root.put("environment", report.environment());
    root.put("rowCount", report.rowCount());
    long errors = report.violations().stream().filter(v -> v.severity() == Severity.ERROR).count();
    root.put("status", errors > 0 ? "FAIL" : report.violations().isEmpty() ? "PASS" : "WARN");
    root.put("errors", errors);
    root.put("warnings", report.violations().size() - errors);
    int[] errorRows = report.failingRows();
    root.put("failingRowCount", errorRows.length);
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
    BitSet errorSet = bits(errorRows);
    BitSet warningSet = bits(report.failingRows(Severity.WARNING));
    warningSet.andNot(errorSet);
    runs(root.putArray("errorRows"), errorSet);
    runs(root.putArray("warningRows"), warningSet);
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render report as JSON", e);
    }
  }

  @Override
  public ValidationReport read(String json, String source) {
    JsonFields r = new JsonFields(source);
    JsonNode root = MlopsJson.parse(json, source);
    MlopsJson.checkVersion(r, root, FORMAT_VERSION);
    String schema = r.text(root, "$", "schema");
    String environment = r.text(root, "$", "environment");
    int rowCount = r.intValue(root, "$", "rowCount");
    if (rowCount < 0 || rowCount > Integer.MAX_VALUE) {
      throw r.fail("$.rowCount", "expected 0 to " + Integer.MAX_VALUE + ", found " + rowCount);
    }
    JsonNode list = r.array(r.required(root, "$", "violations"), "$.violations");
    List<Violation> violations = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String at = "$.violations[" + i + "]";
      violations.add(violation(r, object(r, list.get(i), at), at));
    }
    BitSet errorRows = readRuns(r, root, "errorRows", rowCount);
    BitSet warningRows = readRuns(r, root, "warningRows", rowCount);
    try {
      return new ValidationReport(schema, environment, rowCount, violations, errorRows, warningRows);
    } catch (IllegalArgumentException e) {
      throw r.fail("$", e.getMessage());
    }
  }

  private static Violation violation(JsonFields r, JsonNode n, String at) {
    JsonNode list = r.array(r.required(n, at, "examples"), at + ".examples");
    List<Violation.Example> examples = new ArrayList<>();
    try {
      for (int i = 0; i < list.size(); i++) {
        String e = at + ".examples[" + i + "]";
        JsonNode x = object(r, list.get(i), e);
        JsonNode value = x.get("value");
        examples.add(new Violation.Example(r.intValue(x, e, "row"),
            value == null || value.isNull() ? null : r.text(x, e, "value")));
      }
      return new Violation(r.enumValue(n, at, "kind", ViolationKind.class), r.text(n, at, "field"),
          r.text(n, at, "rule"), r.enumValue(n, at, "severity", Severity.class),
          new Violation.Counts(r.integer(n, at, "failingCount"), r.integer(n, at, "checkedCount")),
          new Violation.Evidence(r.text(n, at, "expected"), r.text(n, at, "actual"), examples));
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw r.fail(at, e.getMessage());
    }
  }

  private static BitSet readRuns(JsonFields r, JsonNode root, String key, int rowCount) {
    String path = "$." + key;
    JsonNode runs = r.array(r.required(root, "$", key), path);
    BitSet rows = new BitSet();
    int previousEnd = -1;
    for (int i = 0; i < runs.size(); i++) {
      String at = path + "[" + i + "]";
      JsonNode run = runs.get(i);
      if (!run.isArray() || run.size() != 2 || !isInt(run.get(0)) || !isInt(run.get(1))) {
        throw r.fail(at, "expected a run [first, last] of row indices, found " + JsonFields.describe(run));
      }
      int first = run.get(0).asInt();
      int last = run.get(1).asInt();
      if (first <= previousEnd || last < first || last >= rowCount) {
        throw r.fail(at, "expected increasing, disjoint runs within 0.." + (rowCount - 1) + ", found ["
            + first + ", " + last + "]");
      }
      rows.set(first, last + 1);
      previousEnd = last;
    }
    return rows;
  }

  private static boolean isInt(JsonNode n) {
    return n.isIntegralNumber() && n.canConvertToInt();
  }

  private static void runs(ArrayNode out, BitSet rows) {
    for (int start = rows.nextSetBit(0); start >= 0; ) {
      int end = rows.nextClearBit(start);
      out.addArray().add(start).add(end - 1);
      start = rows.nextSetBit(end);
    }
  }

  private static BitSet bits(int[] rows) {
    BitSet set = new BitSet();
    for (int row : rows) {
      set.set(row);
    }
    return set;
  }

  private static JsonNode object(JsonFields r, JsonNode node, String at) {
    if (!node.isObject()) {
      throw r.fail(at, "expected an object, found " + JsonFields.describe(node));
    }
    return node;
  }
}
