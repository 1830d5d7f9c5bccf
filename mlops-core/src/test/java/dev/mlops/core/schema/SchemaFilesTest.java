package dev.mlops.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.api.data.ColumnType;
import dev.mlops.api.data.MalformedDataException;
import dev.mlops.api.schema.Schema;
import dev.mlops.api.common.Severity;
import dev.mlops.api.schema.TableConstraint;
import dev.mlops.api.schema.UnexpectedColumns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaFilesTest {

  @TempDir Path dir;

  /** A schema with every serialisable constraint kind, infinite bounds and unicode names. */
  static Schema everyKind() {
    return Schema.builder()
        .name("loans ✓")
        .unexpectedColumns(UnexpectedColumns.ERROR)
        .field("age", ColumnType.INTEGRAL, f -> f.range(18, true, Double.POSITIVE_INFINITY, false)
            .maxNullFraction(0.01).noNaN().noInfinity().meanBetween(20, 60).stddevBetween(1, 30)
            .quantileBetween(0.5, 25, 45).quantileBetween(0.99, Double.NEGATIVE_INFINITY, 90).unique())
        .field("purpose", ColumnType.CATEGORICAL, f -> f.severity(Severity.WARNING)
            .domain(Set.of("car", "education", "radio/tv"), 0.95).maxDistinct(12).pattern("[a-z/ ]+").length(1, 40))
        .field("class", ColumnType.CATEGORICAL, f -> f.domain("good", "bad").absentIn(Schema.SERVING))
        .field("städte", ColumnType.CATEGORICAL, f -> f.optional())
        .field("granted", ColumnType.TIMESTAMP)
        .field("repaid", ColumnType.TIMESTAMP, f -> f.optional())
        .field("ok", ColumnType.BOOLEAN)
        .field("amount", ColumnType.NUMERIC, f -> f.range(0, false, 1e6, true))
        .rowCount(1, 10_000_000)
        .uniqueTogether("age", "purpose")
        .severity(Severity.WARNING)
        .compare("repaid after granted", "repaid", TableConstraint.Op.GE, "granted")
        .build();
  }

  @Test
  void jsonRoundTripIsLossless() {
    Schema schema = everyKind();

    String json = Schemas.toJson(schema);

    assertThat(Schemas.fromJson(json)).isEqualTo(schema);
    assertThat(Schemas.toJson(Schemas.fromJson(json))).isEqualTo(json);
    assertThat(json).contains("\"formatVersion\" : 1").doesNotContain("\"Infinity\"", ": Infinity", "-Infinity");
  }

  @Test
  void yamlRoundTripIsLossless() {
    Schema schema = everyKind();

    String yaml = Schemas.toYaml(schema);

    assertThat(Schemas.fromYaml(yaml)).isEqualTo(schema);
    assertThat(yaml).startsWith("formatVersion: 1\n");
  }

  @Test
  void filesAreWrittenAtomicallyAndReadByExtension() throws IOException {
    Path json = dir.resolve("schema.json");
    Path yaml = dir.resolve("schema.yml");

    Schemas.write(everyKind(), json);
    Schemas.write(everyKind(), yaml);

    assertThat(Schemas.read(json)).isEqualTo(everyKind());
    assertThat(Schemas.read(yaml)).isEqualTo(everyKind());
    assertThat(Files.readString(yaml)).contains("formatVersion: 1");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("schema.json", "schema.yml");
    }
  }

  @Test
  void aSchemaWithCodeRulesCannotBeWrittenAndNothingIsLeftBehind() throws IOException {
    Schema schema = Schema.builder().field("a", ColumnType.NUMERIC).rowRule("positive", (t, r) -> true).build();
    Path file = dir.resolve("schema.json");
    Files.writeString(file, "previous");

    assertThatThrownBy(() -> Schemas.write(schema, file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("row rule 'positive' is code");
    assertThat(Files.readString(file)).isEqualTo("previous");
    try (var files = Files.list(dir)) {
      assertThat(files).hasSize(1);
    }
  }

  @Test
  void minimalFileUsesDefaults() {
    Schema schema = Schemas.fromJson("{\"formatVersion\": 1, \"fields\": [{\"name\": \"x\", \"type\": \"numeric\"}]}");

    assertThat(schema.field("x").required()).isTrue();
    assertThat(schema.field("x").type()).isEqualTo(ColumnType.NUMERIC);
    assertThat(schema.unexpectedColumns()).isEqualTo(UnexpectedColumns.WARN);
  }

  private static void assertInvalid(String json, String message) {
    assertThatThrownBy(() -> Schemas.fromJson(json))
        .isInstanceOf(MalformedDataException.class)
        .hasMessage("<json>: " + message);
  }

  @Test
  void invalidFilesFailWithTheJsonPathOfTheProblem() {
    assertInvalid("{\"fields\": []}", "$.formatVersion: missing; it is required");
    assertInvalid("{\"formatVersion\": 2, \"fields\": []}",
        "$.formatVersion: unsupported formatVersion 2; this version of mlops-java reads 1");
    assertInvalid("{\"formatVersion\": 1, \"fields\": [], \"colour\": 1}",
        "$.colour: unknown key; expected one of [fields, formatVersion, name, tableConstraints, unexpectedColumns]");
    assertInvalid("{\"formatVersion\": 1, \"fields\": [{\"name\": \"x\", \"type\": \"decimal\"}]}",
        "$.fields[0].type: \"decimal\" is not one of [INTEGRAL, NUMERIC, CATEGORICAL, BOOLEAN, TIMESTAMP]");
    assertInvalid("{\"formatVersion\": 1, \"fields\": [{\"name\": \"x\", \"type\": \"NUMERIC\", \"constraints\":"
        + " [{\"kind\": \"range\", \"min\": 0}, {\"kind\": \"range\", \"min\": \"ten\"}]}]}",
        "$.fields[0].constraints[1].min: expected a number, found \"ten\"");
    assertInvalid("{\"formatVersion\": 1, \"fields\": [{\"name\": \"x\", \"type\": \"NUMERIC\", \"constraints\":"
        + " [{\"kind\": \"range\", \"min\": 10, \"max\": 5}]}]}",
        "$.fields[0].constraints[0]: range: min 10.0 > max 5.0");
    assertInvalid("{\"formatVersion\": 1, \"fields\": [{\"name\": \"k\", \"type\": \"CATEGORICAL\", \"constraints\":"
        + " [{\"kind\": \"pattern\", \"regex\": \"(\"}]}]}",
        "$.fields[0].constraints[0]: pattern does not compile: unclosed group at index 0 of \"(\"");
    assertInvalid("{\"formatVersion\": 1, \"fields\": [{\"name\": \"k\", \"type\": \"CATEGORICAL\", \"constraints\":"
        + " [{\"kind\": \"domain\", \"values\": []}]}]}",
        "$.fields[0].constraints[0]: domain must not be empty");
    assertInvalid("{\"formatVersion\": 1, \"fields\": [{\"name\": \"k\", \"type\": \"CATEGORICAL\", \"constraints\":"
        + " [{\"kind\": \"range\", \"min\": 0}]}]}",
        "$.fields[0].constraints[0]: field 'k' is CATEGORICAL; Range applies to INTEGRAL or NUMERIC fields");
    assertInvalid("{\"formatVersion\": 1, \"fields\": [{\"name\": \"x\", \"type\": \"NUMERIC\", \"constraints\":"
        + " [{\"kind\": \"between\"}]}]}",
        "$.fields[0].constraints[0].kind: unknown constraint \"between\"; expected one of [domain, length,"
            + " maxDistinct, mean, noInfinity, noNaN, nullFraction, pattern, quantile, range, stddev, unique]");
    assertInvalid("{\"formatVersion\": 1, \"fields\": [{\"name\": \"x\", \"type\": \"NUMERIC\"},"
        + " {\"name\": \"x\", \"type\": \"NUMERIC\"}]}", "$.fields[1].name: duplicate field 'x'");
    assertInvalid("{\"formatVersion\": 1, \"fields\": [{\"name\": \"x\", \"type\": \"NUMERIC\"}],"
        + " \"tableConstraints\": [{\"kind\": \"uniqueTogether\", \"fields\": [\"x\", \"y\"]}]}",
        "$.tableConstraints: UniqueTogether UniqueTogether[fields=[x, y], severity=ERROR] names field 'y',"
            + " which the schema does not have; fields are [x]");
    assertInvalid("{\"formatVersion\": 1, \"fields\": {}}", "$.fields: expected an array, found object");
  }

  @Test
  void syntaxErrorsNameTheLineAndColumn() throws IOException {
    Path file = dir.resolve("broken.json");
    Files.writeString(file, "{\n  \"formatVersion\": 1,\n  \"fields\": [,]\n}\n");

    assertThatThrownBy(() -> Schemas.read(file))
        .isInstanceOf(MalformedDataException.class)
        .hasMessageStartingWith(file + ": line 3, column ")
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void yamlProblemsUseTheSamePaths() {
    assertThatThrownBy(() -> Schemas.fromYaml("formatVersion: 1\nfields:\n  - name: x\n    type: NUMERIC\n    required: maybe\n"))
        .hasMessage("<yaml>: $.fields[0].required: expected true or false, found \"maybe\"");
  }
}
