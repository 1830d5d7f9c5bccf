package dev.mlops.core.schema;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.mlops.api.data.ColumnType;
import dev.mlops.api.data.MalformedDataException;
import dev.mlops.core.internal.JsonFields;
import dev.mlops.api.schema.FieldConstraint;
import dev.mlops.api.schema.FieldSpec;
import dev.mlops.api.schema.Schema;
import dev.mlops.api.common.Severity;
import dev.mlops.api.schema.TableConstraint;
import dev.mlops.api.schema.UnexpectedColumns;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Schema files, JSON or YAML, with a {@code formatVersion}. Reading is strict: an unknown key, a
 * wrong type, a missing value or a contradictory constraint fails with the JSON path of the
 * problem ({@code $.fields[2].constraints[0].max}). An infinite bound is written by leaving the key
 * out. Domains are written sorted, so a file diffs cleanly under version control.
 */
final class SchemaFiles {
  static final int FORMAT_VERSION = 1;
  private static final ObjectMapper JSON = JsonFields.strictMapper().rebuild()
      .enable(SerializationFeature.INDENT_OUTPUT).build();
  /**
   * The largest YAML schema file read or written, in code points (64 Mi; SnakeYAML's default of 3 MB
   * refused files that {@code write} had produced). JSON files have no such limit.
   */
  static final int MAX_YAML_CODE_POINTS = 64 * 1024 * 1024;
  private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .loaderOptions(yamlLoaderOptions())
      .build());
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SchemaFiles() {}

  // ---------------------------------------------------------------- writing

  static String toJson(Schema schema) {
    try {
      return JSON.writeValueAsString(toTree(schema)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render schema as JSON", e);
    }
  }

  static String toYaml(Schema schema) {
    String yaml;
    try {
      yaml = YAML.writeValueAsString(toTree(schema));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render schema as YAML", e);
    }
    int codePoints = yaml.codePointCount(0, yaml.length());
    if (codePoints > MAX_YAML_CODE_POINTS) {
      throw new IllegalArgumentException("schema is " + codePoints + " code points as YAML, above the limit of "
          + MAX_YAML_CODE_POINTS + " that YAML files are read with; write it as JSON (.json)");
    }
    return yaml;
  }

  private static LoaderOptions yamlLoaderOptions() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(MAX_YAML_CODE_POINTS);
    return options;
  }

  static ObjectNode toTree(Schema schema) {
    ObjectNode root = NODES.objectNode();
    root.put("formatVersion", FORMAT_VERSION);
    if (!schema.name().isEmpty()) {
      root.put("name", schema.name());
    }
    root.put("unexpectedColumns", schema.unexpectedColumns().name());
    ArrayNode fields = root.putArray("fields");
    for (FieldSpec f : schema.fields()) {
      ObjectNode node = fields.addObject();
      node.put("name", f.name());
      node.put("type", f.type().name());
      node.put("required", f.required());
      if (!f.absentIn().isEmpty()) {
        ArrayNode envs = node.putArray("absentIn");
        new TreeSet<>(f.absentIn()).forEach(envs::add);
      }
      ArrayNode constraints = node.putArray("constraints");
      for (FieldConstraint c : f.constraints()) {
        if (c instanceof FieldConstraint.Pattern p) {
          try {
            LinearPatterns.compile(p.regex());   // what is written must read back
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field '" + f.name() + "': " + e.getMessage(), e);
          }
        }
        constraints.add(fieldConstraint(c));
      }
    }
    if (!schema.tableConstraints().isEmpty()) {
      ArrayNode table = root.putArray("tableConstraints");
      for (TableConstraint c : schema.tableConstraints()) {
        table.add(tableConstraint(c));
      }
    }
    return root;
  }

  private static ObjectNode fieldConstraint(FieldConstraint c) {
    ObjectNode n = NODES.objectNode();
    if (c instanceof FieldConstraint.NullFraction x) {
      n.put("kind", "nullFraction").put("max", x.max());
    } else if (c instanceof FieldConstraint.NoNaN) {
      n.put("kind", "noNaN");
    } else if (c instanceof FieldConstraint.NoInfinity) {
      n.put("kind", "noInfinity");
    } else if (c instanceof FieldConstraint.Range x) {
      n.put("kind", "range");
      bound(n, "min", x.min());
      n.put("minInclusive", x.minInclusive());
      bound(n, "max", x.max());
      n.put("maxInclusive", x.maxInclusive());
    } else if (c instanceof FieldConstraint.MeanBetween x) {
      n.put("kind", "mean");
      bound(n, "min", x.min());
      bound(n, "max", x.max());
    } else if (c instanceof FieldConstraint.StddevBetween x) {
      n.put("kind", "stddev");
      bound(n, "min", x.min());
      bound(n, "max", x.max());
    } else if (c instanceof FieldConstraint.QuantileBetween x) {
      n.put("kind", "quantile").put("q", x.q());
      bound(n, "min", x.min());
      bound(n, "max", x.max());
    } else if (c instanceof FieldConstraint.Domain x) {
      n.put("kind", "domain");
      ArrayNode values = n.putArray("values");
      new TreeSet<>(x.values()).forEach(values::add);
      n.put("mostly", x.mostly());
    } else if (c instanceof FieldConstraint.MaxDistinct x) {
      n.put("kind", "maxDistinct").put("max", x.max());
    } else if (c instanceof FieldConstraint.Pattern x) {
      n.put("kind", "pattern").put("regex", x.regex());
    } else if (c instanceof FieldConstraint.Length x) {
      n.put("kind", "length").put("min", x.min()).put("max", x.max());
    } else if (c instanceof FieldConstraint.Unique) {
      n.put("kind", "unique");
    }
    n.put("severity", c.severity().name());
    return n;
  }

  private static ObjectNode tableConstraint(TableConstraint c) {
    ObjectNode n = NODES.objectNode();
    if (c instanceof TableConstraint.RowCount x) {
      n.put("kind", "rowCount").put("min", x.min()).put("max", x.max());
    } else if (c instanceof TableConstraint.UniqueTogether x) {
      n.put("kind", "uniqueTogether");
      ArrayNode fields = n.putArray("fields");
      x.fields().forEach(fields::add);
    } else if (c instanceof TableConstraint.Compare x) {
      n.put("kind", "compare").put("name", x.name()).put("left", x.left()).put("op", x.op().name())
          .put("right", x.right());
    } else if (c instanceof TableConstraint.RowRule x) {
      throw new IllegalArgumentException("row rule '" + x.name()
          + "' is code (a Java predicate) and cannot be written to a schema file; add it in code after reading");
    } else if (c instanceof TableConstraint.ColumnRule x) {
      throw new IllegalArgumentException("column rule '" + x.name()
          + "' is code (a Java predicate) and cannot be written to a schema file; add it in code after reading");
    }
    n.put("severity", c.severity().name());
    return n;
  }

  private static void bound(ObjectNode n, String key, double v) {
    if (!Double.isInfinite(v)) {
      n.put(key, v);
    }
  }

  // ---------------------------------------------------------------- reading

  static Schema fromJson(String text, String source) {
    return fromTree(parse(JSON, text, source, "JSON"), source);
  }

  /** Refuses a YAML file that cannot be within the code-point limit (a code point takes at most 4 bytes). */
  static void checkYamlFileSize(Path path, long bytes) {
    if (bytes > 4L * MAX_YAML_CODE_POINTS) {
      throw new MalformedDataException(path.toString(), -1, -1, null, "YAML schema file of " + bytes
          + " bytes is above the limit of " + MAX_YAML_CODE_POINTS + " code points; use a JSON schema file", null);
    }
  }

  static Schema fromYaml(String text, String source) {
    int codePoints = text.codePointCount(0, text.length());
    if (codePoints > MAX_YAML_CODE_POINTS) {
      throw new MalformedDataException(source, -1, -1, null, "YAML schema of " + codePoints
          + " code points is above the limit of " + MAX_YAML_CODE_POINTS + "; use a JSON schema file", null);
    }
    try (JsonParser parser = YAML.createParser(text)) {
      YamlTree tree = new YamlTree((YAMLParser) parser, source);
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new MalformedDataException(source, -1, -1, null, "$: empty YAML; expected a schema object", null);
      }
      JsonNode root = tree.value(first);
      if (parser.nextToken() != null) {
        throw tree.fail("content after the schema document");
      }
      return fromTree(root, source);
    } catch (JsonProcessingException e) {
      long line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
      int column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
      throw new MalformedDataException(source, line, column, null, "not valid YAML: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new MalformedDataException(source, -1, -1, null, "not valid YAML: " + e.getMessage(), e);
    }
  }

  /**
   * Builds the tree of a YAML document. Aliases ({@code *name}) are refused with their line and
   * column: the YAML reader underneath reports an alias as its own name and drops the anchors of
   * scalars, so resolving them could silently read a wrong value; refusing them also rules out
   * "billion laughs" expansions. Anchors alone ({@code &name}) are harmless and ignored. Duplicate
   * keys are refused too.
   */
  private static final class YamlTree {
    private final YAMLParser parser;
    private final String source;

    YamlTree(YAMLParser parser, String source) {
      this.parser = parser;
      this.source = source;
    }

    JsonNode value(JsonToken token) throws IOException {
      if (parser.isCurrentAlias()) {
        throw fail("YAML alias *" + parser.getText() + " is not supported in schema files; write the value out"
            + " in full (anchors and aliases, and merge keys built on them, are refused)");
      }
      return switch (token) {
        case START_OBJECT -> object();
        case START_ARRAY -> array();
        case VALUE_STRING -> NODES.textNode(parser.getText());
        case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
          case INT -> NODES.numberNode(parser.getIntValue());
          case LONG -> NODES.numberNode(parser.getLongValue());
          default -> NODES.numberNode(parser.getBigIntegerValue());
        };
        case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
        case VALUE_TRUE -> NODES.booleanNode(true);
        case VALUE_FALSE -> NODES.booleanNode(false);
        case VALUE_NULL -> NODES.nullNode();
        default -> throw fail("unexpected " + token);
      };
    }

    private ObjectNode object() throws IOException {
      ObjectNode node = NODES.objectNode();
      JsonToken token;
      while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        if (node.has(key)) {
          throw fail("duplicate key '" + key + "'");
        }
        node.set(key, value(parser.nextToken()));
      }
      if (token != JsonToken.END_OBJECT) {
        throw fail("unexpected " + token + " in a mapping");
      }
      return node;
    }

    private ArrayNode array() throws IOException {
      ArrayNode node = NODES.arrayNode();
      JsonToken token;
      while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
        if (token == null) {
          throw fail("unexpected end of a sequence");
        }
        node.add(value(token));
      }
      return node;
    }

    MalformedDataException fail(String problem) {
      JsonLocation at = parser.currentTokenLocation();
      return new MalformedDataException(source, at == null ? -1 : at.getLineNr(), at == null ? -1 : at.getColumnNr(),
          null, problem, null);
    }
  }

  private static JsonNode parse(ObjectMapper mapper, String text, String source, String format) {
    try {
      JsonNode node = mapper.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw new MalformedDataException(source, -1, -1, null, "$: empty " + format + "; expected a schema object", null);
      }
      return node;
    } catch (JsonProcessingException e) {
      long line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
      int column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
      throw new MalformedDataException(source, line, column, null,
          "not valid " + format + ": " + JsonFields.problemOf(e), e);
    }
  }

  private static Schema fromTree(JsonNode root, String source) {
    Reader r = new Reader(source);
    r.object(root, "$", Set.of("formatVersion", "name", "unexpectedColumns", "fields", "tableConstraints"));
    r.required(root, "$", "formatVersion");
    r.formatVersion(root, FORMAT_VERSION, found -> "unsupported formatVersion " + found
        + "; this version of mlops-java reads " + FORMAT_VERSION);
    Schema.Builder b = Schema.builder();
    if (root.has("name")) {
      b.name(r.text(root, "$", "name"));
    }
    if (root.has("unexpectedColumns")) {
      b.unexpectedColumns(r.enumValue(root, "$", "unexpectedColumns", UnexpectedColumns.class));
    }
    JsonNode fields = r.array(r.required(root, "$", "fields"), "$.fields");
    for (int i = 0; i < fields.size(); i++) {
      String path = "$.fields[" + i + "]";
      FieldSpec field = r.field(fields.get(i), path);
      try {
        b.field(field);
      } catch (IllegalArgumentException e) {
        throw r.fail(path + ".name", e.getMessage());
      }
    }
    if (root.has("tableConstraints")) {
      JsonNode table = r.array(root.get("tableConstraints"), "$.tableConstraints");
      for (int i = 0; i < table.size(); i++) {
        String path = "$.tableConstraints[" + i + "]";
        b.add(r.tableConstraint(table.get(i), path));
      }
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw r.fail("$.tableConstraints", e.getMessage());
    }
  }

  /** Walks a parsed tree, failing with the JSON path of the first problem. */
  private static final class Reader extends JsonFields {
    Reader(String source) {
      super(source);
    }

    void object(JsonNode node, String path, Set<String> allowed) {
      if (!node.isObject()) {
        throw fail(path, "expected an object, found " + describe(node));
      }
      Iterator<String> names = node.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        if (!allowed.contains(name)) {
          throw fail(path + "." + name, "unknown key; expected one of " + new TreeSet<>(allowed));
        }
      }
    }

    double requiredNumber(JsonNode node, String path, String key) {
      required(node, path, key);
      return number(node, path, key, Double.NaN);
    }

    FieldSpec field(JsonNode node, String path) {
      object(node, path, Set.of("name", "type", "required", "absentIn", "constraints"));
      String name = text(node, path, "name");
      ColumnType type = enumValue(node, path, "type", ColumnType.class);
      FieldSpec.Builder b;
      try {
        b = FieldSpec.builder(name, type);
      } catch (IllegalArgumentException e) {
        throw fail(path + ".name", e.getMessage());
      }
      if (!bool(node, path, "required", true)) {
        b.optional();
      }
      if (node.has("absentIn")) {
        try {
          b.absentIn(strings(node, path, "absentIn").toArray(new String[0]));
        } catch (IllegalArgumentException e) {
          throw fail(path + ".absentIn", e.getMessage());
        }
      }
      if (node.has("constraints")) {
        JsonNode constraints = array(node.get("constraints"), path + ".constraints");
        for (int i = 0; i < constraints.size(); i++) {
          String at = path + ".constraints[" + i + "]";
          FieldConstraint c = fieldConstraint(constraints.get(i), at);
          try {
            b.add(c);
          } catch (IllegalArgumentException | IllegalStateException e) {
            throw fail(at, e.getMessage());
          }
        }
      }
      return b.build();
    }

    private static final Map<String, Set<String>> FIELD_KEYS = Map.ofEntries(
        Map.entry("nullFraction", Set.of("max")),
        Map.entry("noNaN", Set.of()),
        Map.entry("noInfinity", Set.of()),
        Map.entry("range", Set.of("min", "minInclusive", "max", "maxInclusive")),
        Map.entry("mean", Set.of("min", "max")),
        Map.entry("stddev", Set.of("min", "max")),
        Map.entry("quantile", Set.of("q", "min", "max")),
        Map.entry("domain", Set.of("values", "mostly")),
        Map.entry("maxDistinct", Set.of("max")),
        Map.entry("pattern", Set.of("regex")),
        Map.entry("length", Set.of("min", "max")),
        Map.entry("unique", Set.of()));

    FieldConstraint fieldConstraint(JsonNode node, String path) {
      String kind = kind(node, path, FIELD_KEYS);
      Severity s = severity(node, path);
      double inf = Double.POSITIVE_INFINITY;
      try {
        return switch (kind) {
          case "nullFraction" -> new FieldConstraint.NullFraction(requiredNumber(node, path, "max"), s);
          case "noNaN" -> new FieldConstraint.NoNaN(s);
          case "noInfinity" -> new FieldConstraint.NoInfinity(s);
          case "range" -> new FieldConstraint.Range(number(node, path, "min", -inf), bool(node, path, "minInclusive", true),
              number(node, path, "max", inf), bool(node, path, "maxInclusive", true), s);
          case "mean" -> new FieldConstraint.MeanBetween(number(node, path, "min", -inf), number(node, path, "max", inf), s);
          case "stddev" -> new FieldConstraint.StddevBetween(number(node, path, "min", 0), number(node, path, "max", inf), s);
          case "quantile" -> new FieldConstraint.QuantileBetween(requiredNumber(node, path, "q"),
              number(node, path, "min", -inf), number(node, path, "max", inf), s);
          case "domain" -> new FieldConstraint.Domain(new LinkedHashSet<>(strings(node, path, "values")),
              number(node, path, "mostly", 1.0), s);
          case "maxDistinct" -> new FieldConstraint.MaxDistinct(integer(node, path, "max"), s);
          case "pattern" -> LinearPatterns.requireSupported(new FieldConstraint.Pattern(text(node, path, "regex"), s));
          case "length" -> new FieldConstraint.Length(intValue(node, path, "min"),
              intValue(node, path, "max"), s);
          case "unique" -> new FieldConstraint.Unique(s);
          default -> throw new IllegalStateException("unreachable: " + kind);
        };
      } catch (IllegalArgumentException | ArithmeticException e) {
        throw fail(path, e.getMessage());
      }
    }

    private static final Map<String, Set<String>> TABLE_KEYS = Map.of(
        "rowCount", Set.of("min", "max"),
        "uniqueTogether", Set.of("fields"),
        "compare", Set.of("name", "left", "op", "right"));

    TableConstraint tableConstraint(JsonNode node, String path) {
      String kind = kind(node, path, TABLE_KEYS);
      Severity s = severity(node, path);
      try {
        return switch (kind) {
          case "rowCount" -> new TableConstraint.RowCount(integer(node, path, "min"), integer(node, path, "max"), s);
          case "uniqueTogether" -> new TableConstraint.UniqueTogether(strings(node, path, "fields"), s);
          case "compare" -> new TableConstraint.Compare(text(node, path, "name"), text(node, path, "left"),
              enumValue(node, path, "op", TableConstraint.Op.class), text(node, path, "right"), s);
          default -> throw new IllegalStateException("unreachable: " + kind);
        };
      } catch (IllegalArgumentException e) {
        throw fail(path, e.getMessage());
      }
    }

    private String kind(JsonNode node, String path, Map<String, Set<String>> keysByKind) {
      if (!node.isObject()) {
        throw fail(path, "expected an object, found " + describe(node));
      }
      String kind = text(node, path, "kind");
      Set<String> keys = keysByKind.get(kind);
      if (keys == null) {
        throw fail(path + ".kind", "unknown constraint \"" + kind + "\"; expected one of " + new TreeSet<>(keysByKind.keySet()));
      }
      Set<String> allowed = new LinkedHashSet<>(keys);
      allowed.add("kind");
      allowed.add("severity");
      object(node, path, allowed);
      return kind;
    }

    private Severity severity(JsonNode node, String path) {
      return node.has("severity") ? enumValue(node, path, "severity", Severity.class) : Severity.ERROR;
    }
  }
}
