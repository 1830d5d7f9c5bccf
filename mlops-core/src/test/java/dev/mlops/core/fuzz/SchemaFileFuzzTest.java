package dev.mlops.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mlops.api.schema.Schema;
import dev.mlops.core.fuzz.Documented.Where;
import dev.mlops.core.schema.Schemas;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Fuzzes schema files: the same text is read as JSON and as YAML; a schema that reads must render
 * to JSON and YAML that read back. Corpus: {@code SchemaFileFuzzTestInputs/schemaFile/}.
 */
class SchemaFileFuzzTest {
  @FuzzTest(maxDuration = "10m")
  void schemaFile(byte[] input) throws Exception {
    String text = new String(input, StandardCharsets.UTF_8);
    readBack(Documented.read("<json>", Where.LINE_OR_JSON_PATH, () -> Schemas.fromJson(text)));
    readBack(Documented.read("<yaml>", Where.LINE_OR_JSON_PATH, () -> Schemas.fromYaml(text)));
  }

  /** What a reader accepted, the writers must render and the readers accept again. */
  private static void readBack(Optional<Schema> schema) {
    schema.ifPresent(s -> {
      Schemas.fromJson(Schemas.toJson(s));
      Schemas.fromYaml(Schemas.toYaml(s));
    });
  }
}
