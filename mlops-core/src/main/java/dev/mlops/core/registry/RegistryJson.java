package dev.mlops.core.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.api.data.MalformedDataException;
import dev.mlops.api.gate.GateResult;
import dev.mlops.api.registry.Artifact;
import dev.mlops.api.registry.Lineage;
import dev.mlops.api.registry.ModelRef;
import dev.mlops.api.registry.ModelVersion;
import dev.mlops.api.registry.RegistryEvent;
import dev.mlops.api.registry.RegistryNames;
import dev.mlops.api.schema.Schema;
import dev.mlops.core.json.MlopsJson;
import dev.mlops.core.internal.JsonFields;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The registry's JSON records: version manifests (and their tombstones), alias files and audit
 * lines. Reading is strict; every problem names the record's location and the JSON path.
 */
final class RegistryJson {
  static final int FORMAT_VERSION = 1;
  private static final ObjectMapper JSON = JsonFields.strictMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private RegistryJson() {}

  /** A parsed manifest: a live version, or the tombstone of a deleted one. */
  record Manifest(ModelVersion version, Instant deleted, String deletedBy) {
    boolean isDeleted() {
      return version == null;
    }
  }

  // ------------------------------------------------------------------ manifests

  static byte[] manifest(ModelVersion v) {
    ObjectNode root = NODES.objectNode();
    root.put("formatVersion", FORMAT_VERSION);
    root.put("name", v.name());
    root.put("version", v.version());
    root.put("revision", v.revision());
    root.put("created", v.created().toString());
    ObjectNode artifact = root.putObject("artifact");
    artifact.put("digest", v.artifact().digest());
    artifact.put("size", v.artifact().size());
    artifact.put("type", v.artifact().type());
    if (!v.attachments().isEmpty()) {
      // written only when present, so manifests without attachments are as before attachments existed
      ObjectNode attachments = root.putObject("attachments");
      v.attachments().forEach((name, a) -> {
        ObjectNode n = attachments.putObject(name);
        n.put("digest", a.digest());
        n.put("size", a.size());
        n.put("type", a.type());
      });
    }
    ObjectNode lineage = root.putObject("lineage");
    // the format keeps "" and 0 for "not recorded", as registries written before API 1.0 have them
    lineage.put("trainingData", v.lineage().trainingData().orElse(""));
    lineage.put("parentVersion", v.lineage().parentVersion().orElse(0));
    lineage.put("source", v.lineage().source().orElse(""));
    strings(root.putObject("tags"), v.tags());
    ObjectNode metrics = root.putObject("metrics");
    v.metrics().forEach(metrics::put);
    strings(root.putObject("metadata"), v.metadata());
    if (v.schema().isPresent()) {
      root.set("schema", tree(MlopsJson.toJson(v.schema().get())));
    }
    if (v.gateResult().isPresent()) {
      root.set("gateResult", tree(MlopsJson.toJson(v.gateResult().get())));
    }
    return bytes(root);
  }

  static byte[] tombstone(String name, int version, Instant deleted, String actor) {
    ObjectNode root = NODES.objectNode();
    root.put("formatVersion", FORMAT_VERSION);
    root.put("name", name);
    root.put("version", version);
    root.put("deleted", deleted.toString());
    root.put("deletedBy", actor);
    return bytes(root);
  }

  static Manifest readManifest(byte[] data, String location, String name, int version) {
    Reader r = new Reader(location);
    JsonNode root = r.parse(data, "model version manifest");
    r.formatVersion(root);
    String storedName = r.text(root, "$", "name");
    long storedVersion = r.integer(root, "$", "version");
    if (!storedName.equals(name) || storedVersion != version) {
      throw r.fail("$", "manifest records " + storedName + "/" + storedVersion + " but is stored as " + name + "/"
          + version);
    }
    if (root.has("deleted")) {
      return new Manifest(null, r.instant(root, "$", "deleted"), r.text(root, "$", "deletedBy"));
    }
    int revision = r.intValue(root, "$", "revision");
    Instant created = r.instant(root, "$", "created");
    JsonNode a = r.requiredObject(root, "$", "artifact");
    Map<String, Artifact> attachments = new TreeMap<>();
    if (root.has("attachments")) { // absent in manifests written before attachments existed
      JsonNode at = r.requiredObject(root, "$", "attachments");
      for (Map.Entry<String, JsonNode> e : at.properties()) {
        String path = "$.attachments." + e.getKey();
        JsonNode n = r.requiredObject(at, "$.attachments", e.getKey());
        try {
          attachments.put(e.getKey(), new Artifact(r.text(n, path, "digest"), r.integer(n, path, "size"),
              r.text(n, path, "type")));
        } catch (IllegalArgumentException ex) {
          throw r.fail(path, ex.getMessage());
        }
      }
    }
    JsonNode l = r.requiredObject(root, "$", "lineage");
    Map<String, Double> metrics = new TreeMap<>();
    JsonNode m = r.requiredObject(root, "$", "metrics");
    for (Map.Entry<String, JsonNode> e : m.properties()) {
      if (!e.getValue().isNumber()) {
        throw r.fail("$.metrics." + e.getKey(), "expected a number, found " + e.getValue());
      }
      metrics.put(e.getKey(), e.getValue().asDouble());
    }
    Optional<Schema> schema = root.has("schema") ? Optional.of(embedded(r, root, "schema", Schema.class))
        : Optional.empty();
    Optional<GateResult> gate = root.has("gateResult") ? Optional.of(embedded(r, root, "gateResult", GateResult.class))
        : Optional.empty();
    try {
      ModelVersion.Builder v = ModelVersion.builder().name(name).version(version).revision(revision).created(created)
          .artifact(new Artifact(r.text(a, "$.artifact", "digest"), r.integer(a, "$.artifact", "size"),
              r.text(a, "$.artifact", "type")))
          .attachments(attachments).metadata(r.stringMap(root, "metadata")).tags(r.stringMap(root, "tags"))
          .metrics(metrics).lineage(lineage(r, l));
      schema.ifPresent(v::schema);
      gate.ifPresent(v::gateResult);
      return new Manifest(v.build(), null, null);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw r.fail("$", e.getMessage());
    }
  }

  /** Reads a document embedded under a key through the one JSON codec, naming its path in errors. */
  private static <T> T embedded(Reader r, JsonNode root, String key, Class<T> type) {
    JsonNode node = root.get(key);
    String path = "$." + key;
    if (!node.isObject()) {
      throw r.fail(path, "expected an object, found " + JsonFields.describe(node));
    }
    try {
      return MlopsJson.fromJson(node.toString(), type);
    } catch (MalformedDataException e) {
      String problem = e.problem();
      int colon = problem.indexOf(": ");
      if (problem.startsWith("$") && colon > 0) {
        throw r.fail(path + problem.substring(1, colon), problem.substring(colon + 2));
      }
      throw r.fail(path, problem);
    }
  }

  private static Lineage lineage(Reader r, JsonNode l) {
    Lineage.Builder b = Lineage.builder();
    String trainingData = r.text(l, "$.lineage", "trainingData");
    if (!trainingData.isEmpty()) {
      b.trainingData(trainingData);
    }
    int parent = r.intValue(l, "$.lineage", "parentVersion");
    if (parent < 0) {
      throw r.fail("$.lineage.parentVersion", "expected a version number >= 1, or 0 for none, found " + parent);
    }
    if (parent > 0) {
      b.parentVersion(parent);
    }
    String source = r.text(l, "$.lineage", "source");
    if (!source.isEmpty()) {
      b.source(source);
    }
    return b.build();
  }

  // ------------------------------------------------------------------ marker

  /** Checks a registry's {@code registry.json}: an object with a supported {@code formatVersion}. */
  static void readMarker(byte[] data, String location) {
    Reader r = new Reader(location);
    r.formatVersion(r.parse(data, "registry marker"));
  }

  // ------------------------------------------------------------------ aliases

  static byte[] aliases(Map<String, Integer> aliases) {
    ObjectNode root = NODES.objectNode();
    root.put("formatVersion", FORMAT_VERSION);
    ObjectNode a = root.putObject("aliases");
    new TreeMap<>(aliases).forEach(a::put);
    return bytes(root);
  }

  static Map<String, Integer> readAliases(byte[] data, String location) {
    Reader r = new Reader(location);
    JsonNode root = r.parse(data, "alias file");
    r.formatVersion(root);
    JsonNode a = r.requiredObject(root, "$", "aliases");
    Map<String, Integer> out = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : a.properties()) {
      JsonNode n = e.getValue();
      if (!n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() < 1) {
        throw r.fail("$.aliases." + e.getKey(), "expected a version number from 1 to " + Integer.MAX_VALUE
            + ", found " + JsonFields.describe(n));
      }
      try {
        RegistryNames.checkAlias(e.getKey());
      } catch (IllegalArgumentException bad) {
        throw r.fail("$.aliases", bad.getMessage());
      }
      out.put(e.getKey(), n.intValue());
    }
    return out;
  }

  // ------------------------------------------------------------------ audit

  static byte[] event(RegistryEvent e) {
    ObjectNode n = NODES.objectNode();
    n.put("time", e.time().toString());
    n.put("actor", e.actor());
    n.put("kind", e.kind().name());
    n.put("name", e.version().name());
    n.put("version", e.version().number());
    // the format keeps "" for "none", as audit logs written before API 1.0 have it
    n.put("key", e.key().orElse(""));
    n.put("before", e.change().before().orElse(""));
    n.put("after", e.change().after().orElse(""));
    try {
      byte[] line = JSON.writeValueAsBytes(n);
      byte[] out = new byte[line.length + 1];
      System.arraycopy(line, 0, out, 0, line.length);
      out[line.length] = '\n';
      return out;
    } catch (JsonProcessingException e1) {
      throw new IllegalStateException("cannot render audit event", e1);
    }
  }

  static RegistryEvent readEvent(String line, String location, long lineNumber) {
    Reader r = new Reader(location);
    JsonNode n;
    try {
      n = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new MalformedDataException(location, lineNumber, -1, null, "not a valid audit entry: "
          + JsonFields.problemOf(e), e);
    }
    try {
      return new RegistryEvent(r.instant(n, "$", "time"), r.text(n, "$", "actor"),
          RegistryEvent.Kind.valueOf(r.text(n, "$", "kind")),
          ModelRef.version(r.text(n, "$", "name"), r.intValue(n, "$", "version")),
          present(r.text(n, "$", "key")),
          new RegistryEvent.Change(present(r.text(n, "$", "before")), present(r.text(n, "$", "after"))));
    } catch (MalformedDataException e) {
      throw new MalformedDataException(location, lineNumber, -1, null, e.problem(), e);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new MalformedDataException(location, lineNumber, -1, null, "not a valid audit entry: " + e.getMessage(),
          e);
    }
  }

  // ------------------------------------------------------------------ helpers

  /** The audit format writes "" for "none". */
  private static Optional<String> present(String text) {
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  private static void strings(ObjectNode node, Map<String, String> values) {
    new TreeMap<>(values).forEach(node::put);
  }

  private static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot re-read JSON we rendered", e);
    }
  }

  private static byte[] bytes(ObjectNode root) {
    try {
      return (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render registry record as JSON", e);
    }
  }

  /** Walks a parsed record, failing with its location and the JSON path of the first problem. */
  private static final class Reader extends JsonFields {
    Reader(String location) {
      super(location);
    }

    JsonNode parse(byte[] data, String what) {
      try {
        JsonNode node = JSON.readTree(data);
        if (node == null || node.isMissingNode() || !node.isObject()) {
          throw new MalformedDataException(source(), -1, -1, null, "empty or not a JSON object; expected a " + what
              + " (the file is truncated or corrupted)", null);
        }
        return node;
      } catch (IOException e) {
        long line = e instanceof JsonProcessingException p && p.getLocation() != null ? p.getLocation().getLineNr()
            : -1;
        int column = e instanceof JsonProcessingException p && p.getLocation() != null
            ? p.getLocation().getColumnNr() : -1;
        String message = e instanceof JsonProcessingException p ? JsonFields.problemOf(p) : e.getMessage();
        throw new MalformedDataException(source(), line, column, null, "not a valid " + what
            + " (the file is truncated or corrupted): " + message, e);
      }
    }

    void formatVersion(JsonNode root) {
      formatVersion(root, FORMAT_VERSION, found -> "unsupported formatVersion " + found
          + "; this version of mlops-java reads " + FORMAT_VERSION);
    }

    Instant instant(JsonNode node, String path, String key) {
      String text = text(node, path, key);
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException e) {
        throw fail(path + "." + key, "expected an ISO-8601 instant, found \"" + text + "\"");
      }
    }

    Map<String, String> stringMap(JsonNode root, String key) {
      JsonNode m = requiredObject(root, "$", key);
      Map<String, String> out = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : m.properties()) {
        if (!e.getValue().isTextual()) {
          throw fail("$." + key + "." + e.getKey(), "expected a string, found " + e.getValue());
        }
        out.put(e.getKey(), e.getValue().asText());
      }
      return out;
    }

  }

}
