package dev.mlops.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.api.common.Correction;
import dev.mlops.api.data.ColumnType;
import dev.mlops.api.drift.ColumnDrift;
import dev.mlops.api.drift.ColumnRole;
import dev.mlops.api.drift.DriftMethod;
import dev.mlops.api.drift.DriftReport;
import dev.mlops.api.drift.DriftScore;
import dev.mlops.core.internal.JsonFields;
import dev.mlops.core.internal.JsonNumbers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A {@link DriftReport} as JSON ({@code formatVersion} 1); NaN values and absent numbers are
 * written as null. Each column carries its {@code role}; a tested column its {@code method} (a
 * built-in method's or a user's test's name, with {@code builtInMethod} telling which), an untested
 * one its {@code notTestedReason} (also in {@code note}). {@code datasetDrift}, {@code driftShare}
 * and {@code driftedColumns} are derived, written for readers, and recomputed when read.
 */
final class DriftReportJson implements JsonCodec<DriftReport> {
  static final int FORMAT_VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Override
  public Class<DriftReport> type() {
    return DriftReport.class;
  }

  @Override
  public String write(DriftReport report) {
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

  @Override
  public DriftReport read(String json, String source) {
    JsonFields r = new JsonFields(source);
    JsonNode root = MlopsJson.parse(json, source);
    MlopsJson.checkVersion(r, root, FORMAT_VERSION);
    Correction correction = r.enumValue(root, "$", "correction", Correction.class);
    double shareThreshold = r.number(root, "$", "shareThreshold", Double.NaN);
    JsonNode columns = r.array(r.required(root, "$", "columns"), "$.columns");
    Map<String, ColumnDrift> byName = new LinkedHashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      String at = "$.columns[" + i + "]";
      ColumnDrift c = column(r, object(r, columns.get(i), at), at);
      if (byName.putIfAbsent(c.column(), c) != null) {
        throw r.fail(at + ".column", "column '" + c.column() + "' appears twice");
      }
    }
    JsonNode missing = r.array(r.required(root, "$", "missingRateChanges"), "$.missingRateChanges");
    List<ColumnDrift> missingRateChanges = new ArrayList<>();
    for (int i = 0; i < missing.size(); i++) {
      String at = "$.missingRateChanges[" + i + "]";
      String name = r.text(object(r, missing.get(i), at), at, "column");
      ColumnDrift c = byName.get(name);
      if (c == null) {
        throw r.fail(at + ".column", "column '" + name + "' is not among $.columns");
      }
      missingRateChanges.add(c);
    }
    try {
      return new DriftReport(List.copyOf(byName.values()), correction, shareThreshold, missingRateChanges);
    } catch (IllegalArgumentException e) {
      throw r.fail("$", e.getMessage());
    }
  }

  private static ColumnDrift column(JsonFields r, JsonNode n, String at) {
    String name = r.text(n, at, "column");
    ColumnType type = r.enumValue(n, at, "type", ColumnType.class);
    ColumnRole role = r.enumValue(n, at, "role", ColumnRole.class);
    try {
      ColumnDrift.NullFractions nulls = new ColumnDrift.NullFractions(
          optional(r.reportNumber(n, at, "referenceNullFraction")), optional(r.reportNumber(n, at, "currentNullFraction")));
      ColumnDrift.Outcome outcome;
      if (r.bool(n, at, "tested", false)) {
        String method = r.text(n, at, "method");
        Optional<DriftMethod> builtIn = r.bool(n, at, "builtInMethod", false)
            ? Optional.of(r.enumValue(n, at, "method", DriftMethod.class)) : Optional.empty();
        DriftScore score = new DriftScore(method, builtIn, r.reportNumber(n, at, "statistic"),
            optional(r.reportNumber(n, at, "pValue")), r.number(n, at, "threshold", Double.NaN),
            new DriftScore.SampleSizes(r.integer(n, at, "referenceSize"), r.integer(n, at, "currentSize")));
        outcome = new ColumnDrift.Tested(score, optional(r.reportNumber(n, at, "adjustedPValue")),
            r.reportNumber(n, at, "effect"), r.text(n, at, "note"));
      } else {
        outcome = new ColumnDrift.NotTested(r.text(n, at, "notTestedReason"));
      }
      return new ColumnDrift(name, type, role, nulls, outcome);
    } catch (IllegalArgumentException e) {
      throw r.fail(at, e.getMessage());
    }
  }

  private static JsonNode object(JsonFields r, JsonNode node, String at) {
    if (!node.isObject()) {
      throw r.fail(at, "expected an object, found " + JsonFields.describe(node));
    }
    return node;
  }

  private static OptionalDouble optional(double v) {
    return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
  }
}
