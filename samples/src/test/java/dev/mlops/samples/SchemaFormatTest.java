package dev.mlops.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.mlops.api.common.Severity;
import dev.mlops.api.data.ColumnType;
import dev.mlops.api.data.MalformedDataException;
import dev.mlops.api.schema.Schema;
import dev.mlops.api.schema.TableConstraint;
import dev.mlops.api.schema.UnexpectedColumns;
import dev.mlops.core.schema.Schemas;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON Schema of the schema file format ({@code docs/schema-format.schema.json}) accepts the
 * samples' reviewed schema file and whatever {@code Schemas.write} produces, and rejects what the
 * reader rejects: an unknown key, a value of the wrong type, a constraint on the wrong field type.
 */
class SchemaFormatTest {
  private static final Path FORMAT = Path.of("../docs/schema-format.schema.json");
  private static final Path DOC = Path.of("../docs/schema-format.md");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();
  /** The JSON Schema, as a function from a document to its errors (none when it is valid). */
  private static final Function<JsonNode, List<String>> CHECK = formatChecker();

  @TempDir Path dir;

  private static Function<JsonNode, List<String>> formatChecker() {
    try {
      JsonNode format = JSON.readTree(Files.readString(FORMAT));
      var schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(format);
      return document -> schema.validate(document).stream().map(e -> e.toString()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode samplesSchemaFile() throws IOException {
    try (InputStream in = SchemaFormatTest.class.getResourceAsStream("/credit-g.schema.yaml")) {
      return YAML.readTree(in);
    }
  }

  /** A schema with every kind of constraint that a file can hold, lower-case severities aside. */
  private static Schema everyKind() {
    return Schema.builder()
        .name("loans")
        .unexpectedColumns(UnexpectedColumns.ERROR)
        .field("age", ColumnType.INTEGRAL, f -> f.range(18, true, Double.POSITIVE_INFINITY, false)
            .maxNullFraction(0.01).noNaN().noInfinity().meanBetween(20, 60).stddevBetween(1, 30)
            .quantileBetween(0.5, 25, 45).quantileBetween(0.99, Double.NEGATIVE_INFINITY, 90).unique())
        .field("purpose", ColumnType.CATEGORICAL, f -> f.severity(Severity.WARNING)
            .domain(Set.of("car", "education", "radio/tv"), 0.95).maxDistinct(12).pattern("[a-z/ ]+").length(1, 40))
        .field("class", ColumnType.CATEGORICAL, f -> f.domain("good", "bad").absentIn(Schema.SERVING))
        .field("granted", ColumnType.TIMESTAMP)
        .field("repaid", ColumnType.TIMESTAMP, f -> f.optional().unique())
        .field("ok", ColumnType.BOOLEAN, f -> f.maxDistinct(2))
        .rowCount(1, 10_000_000)
        .uniqueTogether("age", "purpose")
        .compare("repaid after granted", "repaid", TableConstraint.Op.GE, "granted")
        .build();
  }

  @Test
  void theSamplesSchemaFileConformsToTheFormat() throws IOException {
    JsonNode file = samplesSchemaFile();

    assertThat(CHECK.apply(file)).isEmpty();
    assertThat(file.get("fields").size()).isEqualTo(CreditData.schema().fields().size());
  }

  @Test
  void whatSchemasWritesConformsToTheFormat() throws IOException {
    Schema schema = everyKind();
    Schemas.write(schema, dir.resolve("schema.yaml"));
    Schemas.write(schema, dir.resolve("schema.json"));

    assertThat(CHECK.apply(JSON.readTree(Schemas.toJson(schema)))).isEmpty();
    assertThat(CHECK.apply(YAML.readTree(Schemas.toYaml(schema)))).isEmpty();
    assertThat(CHECK.apply(YAML.readTree(Files.readString(dir.resolve("schema.yaml"))))).isEmpty();
    assertThat(CHECK.apply(JSON.readTree(Files.readString(dir.resolve("schema.json"))))).isEmpty();
    assertThat(CHECK.apply(JSON.readTree(Schemas.toJson(CreditData.schema())))).isEmpty();
  }

  @Test
  void theDocumentedExampleFilesAreReadAndConformToTheFormat() throws IOException {
    List<String> files = new ArrayList<>();
    String language = null;
    StringBuilder block = new StringBuilder();
    for (String line : Files.readAllLines(DOC)) {
      if (line.startsWith("```")) {
        if (language == null) {
          language = line.substring(3);
          block.setLength(0);
        } else {
          String text = block.toString();
          if ((language.equals("yaml") || language.equals("json")) && text.contains("formatVersion")) {
            files.add(text);
          }
          language = null;
        }
      } else if (language != null) {
        block.append(line).append('\n');
      }
    }

    assertThat(files).as("the complete YAML example and its JSON twin").hasSize(2);
    for (String text : files) {
      boolean json = text.startsWith("{");
      assertThat(CHECK.apply(json ? JSON.readTree(text) : YAML.readTree(text))).as(text).isEmpty();
      assertThat((json ? Schemas.fromJson(text) : Schemas.fromYaml(text)).fields()).isNotEmpty();
    }
  }

  @Test
  void enumValuesInAnyCaseAreAcceptedByBothTheFormatAndTheReader() throws IOException {
    String yaml = "formatVersion: 1\nunexpectedColumns: ignore\nfields:\n- name: age\n  type: integral\n"
        + "  constraints:\n  - kind: range\n    min: 18\n    severity: warning\n";

    assertThat(CHECK.apply(YAML.readTree(yaml))).isEmpty();
    assertThat(Schemas.fromYaml(yaml).field("age").type()).isEqualTo(ColumnType.INTEGRAL);
  }

  @Test
  void anUnknownKeyIsRejectedByTheFormatAsByTheReader() throws IOException {
    ObjectNode root = (ObjectNode) samplesSchemaFile();
    ((ObjectNode) root.get("fields").get(0)).put("nullable", true);

    assertThat(CHECK.apply(root)).isNotEmpty().anySatisfy(e -> assertThat(e).contains("nullable"));
    assertThatThrownBy(() -> Schemas.fromJson(JSON.writeValueAsString(root)))
        .isInstanceOf(MalformedDataException.class)
        .hasMessageContaining("$.fields[0].nullable: unknown key");

    ObjectNode top = (ObjectNode) samplesSchemaFile();
    top.put("version", 1);
    assertThat(CHECK.apply(top)).isNotEmpty().anySatisfy(e -> assertThat(e).contains("version"));

    ObjectNode constraint = (ObjectNode) samplesSchemaFile();
    ((ObjectNode) constraint.get("fields").get(0).get("constraints").get(0)).put("min", 0.0);
    assertThat(CHECK.apply(constraint)).isNotEmpty().anySatisfy(e -> assertThat(e).contains("min"));
    assertThatThrownBy(() -> Schemas.fromJson(JSON.writeValueAsString(constraint)))
        .hasMessageContaining("$.fields[0].constraints[0].min: unknown key");
  }

  @Test
  void aValueOfTheWrongTypeIsRejectedByTheFormatAsByTheReader() throws IOException {
    ObjectNode type = (ObjectNode) samplesSchemaFile();
    ((ObjectNode) type.get("fields").get(0)).put("type", 3);
    ObjectNode bound = (ObjectNode) samplesSchemaFile();
    ((ObjectNode) bound.get("fields").get(0).get("constraints").get(0)).put("max", "none");
    ObjectNode values = (ObjectNode) samplesSchemaFile();
    ((ArrayNode) values.get("fields").get(0).get("constraints").get(1).get("values")).add(7);
    ObjectNode version = (ObjectNode) samplesSchemaFile();
    version.put("formatVersion", 2);

    for (ObjectNode bad : List.of(type, bound, values, version)) {
      assertThat(CHECK.apply(bad)).as(bad.toString()).isNotEmpty();
      assertThatThrownBy(() -> Schemas.fromJson(JSON.writeValueAsString(bad)))
          .isInstanceOf(MalformedDataException.class);
    }
    assertThatThrownBy(() -> Schemas.fromJson(JSON.writeValueAsString(type)))
        .hasMessageContaining("$.fields[0].type: expected a string, found number 3");
  }

  @Test
  void aConstraintOnTheWrongFieldTypeIsRejectedByTheFormatAsByTheReader() throws IOException {
    String numericOnCategorical = "formatVersion: 1\nfields:\n- name: k\n  type: CATEGORICAL\n"
        + "  constraints:\n  - kind: range\n    max: 3\n";
    String domainOnNumeric = "formatVersion: 1\nfields:\n- name: x\n  type: NUMERIC\n"
        + "  constraints:\n  - kind: domain\n    values: [a]\n";

    for (String yaml : List.of(numericOnCategorical, domainOnNumeric)) {
      assertThat(CHECK.apply(YAML.readTree(yaml))).as(yaml).isNotEmpty();
      assertThatThrownBy(() -> Schemas.fromYaml(yaml)).isInstanceOf(MalformedDataException.class)
          .hasMessageContaining("applies to");
    }
  }
}
