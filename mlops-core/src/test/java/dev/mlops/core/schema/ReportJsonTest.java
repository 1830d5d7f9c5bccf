package dev.mlops.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlops.api.data.ColumnType;
import dev.mlops.api.data.Table;
import dev.mlops.api.schema.Schema;
import dev.mlops.api.schema.ValidationReport;
import dev.mlops.core.data.Tables;
import org.junit.jupiter.api.Test;

class ReportJsonTest {

  @Test
  void reportRendersAsVersionedDeterministicJson() throws Exception {
    Table t = Tables.builder().numeric("age", 31, -4).categorical("k", "a", null).build();
    Schema schema = Schema.builder().name("people").field("age", ColumnType.NUMERIC, f -> f.between(0, 120))
        .field("k", ColumnType.CATEGORICAL, f -> f.notNull()).build();
    ValidationReport report = Schemas.validate(t, schema);

    String json = Schemas.toJson(report);
    JsonNode root = new ObjectMapper().readTree(json);

    assertThat(json).isEqualTo(Schemas.toJson(Schemas.validate(t, schema)));
    assertThat(root.get("formatVersion").asInt()).isEqualTo(1);
    assertThat(root.get("status").asText()).isEqualTo("FAIL");
    assertThat(root.get("errors").asInt()).isEqualTo(2);
    assertThat(root.get("failingRowCount").asInt()).isEqualTo(1);
    JsonNode first = root.get("violations").get(0);
    assertThat(first.get("kind").asText()).isIn("OUT_OF_RANGE", "NULL_FRACTION");
    assertThat(first.get("fraction").asDouble()).isEqualTo(0.5);
    JsonNode nullExample = root.get("violations").findValues("examples").stream()
        .filter(e -> e.get(0).get("value").isNull()).findFirst().orElseThrow();
    assertThat(nullExample.get(0).get("row").asInt()).isEqualTo(1);
  }

  @Test
  void passingReportSaysPass() throws Exception {
    Table t = Tables.builder().numeric("x", 1).build();
    JsonNode root = new ObjectMapper().readTree(Schemas.toJson(Schemas.validate(t, Schemas.of(t))));

    assertThat(root.get("status").asText()).isEqualTo("PASS");
    assertThat(root.get("violations")).isEmpty();
  }
}
