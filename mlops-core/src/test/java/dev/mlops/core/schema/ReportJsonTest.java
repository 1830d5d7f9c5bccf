package dev.mlops.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlops.api.data.ColumnType;
import dev.mlops.api.data.MalformedDataException;
import dev.mlops.api.data.Table;
import dev.mlops.core.json.MlopsJson;
import dev.mlops.api.schema.Schema;
import dev.mlops.api.schema.ValidationReport;
import dev.mlops.core.data.Tables;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ReportJsonTest {

  @Test
  void reportRendersAsVersionedDeterministicJson() throws Exception {
    Table t = Tables.builder().numeric("age", 31, -4).categorical("k", "a", null).build();
    Schema schema = Schema.builder().name("people").field("age", ColumnType.NUMERIC, f -> f.between(0, 120))
        .field("k", ColumnType.CATEGORICAL, f -> f.notNull()).build();
    ValidationReport report = Schemas.validate(t, schema);

    String json = MlopsJson.toJson(report);
    JsonNode root = new ObjectMapper().readTree(json);

    assertThat(json).isEqualTo(MlopsJson.toJson(Schemas.validate(t, schema)));
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
    assertThat(MlopsJson.fromJson(json, ValidationReport.class)).as("read back").isEqualTo(report);
  }

  @Test
  void failingRowsAreWrittenAsRuns_soAFullyFailingTableStaysSmall() throws Exception {
    double[] values = new double[200_000];
    Arrays.fill(values, -1);
    values[7] = 5;
    Table t = Tables.builder().numeric("x", values).build();
    ValidationReport report = Schemas.validate(t, Schema.builder()
        .field("x", ColumnType.NUMERIC, f -> f.between(0, 10)).build());

    String json = MlopsJson.toJson(report);
    JsonNode runs = new ObjectMapper().readTree(json).get("errorRows");

    assertThat(runs.toString()).isEqualTo("[[0,6],[8,199999]]");
    assertThat(json.length()).isLessThan(5_000);
    ValidationReport back = MlopsJson.fromJson(json, ValidationReport.class);
    assertThat(back).isEqualTo(report);
    assertThat(back.failingRows()).hasSize(199_999);
  }

  @Test
  void overlappingOrOutOfRangeRuns_areRefusedWithTheirPath() {
    Table t = Tables.builder().numeric("x", -1, -1, -1).build();
    String json = MlopsJson.toJson(Schemas.validate(t, Schema.builder()
        .field("x", ColumnType.NUMERIC, f -> f.between(0, 10)).build()));

    assertThatThrownBy(() -> MlopsJson.fromJson(json.replace("[ [ 0, 2 ] ]", "[ [ 0, 3 ] ]"), ValidationReport.class))
        .isInstanceOf(MalformedDataException.class)
        .hasMessageContaining("$.errorRows[0]: expected increasing, disjoint runs within 0..2, found [0, 3]");
    assertThatThrownBy(() -> MlopsJson.fromJson(json.replace("[ [ 0, 2 ] ]", "[ [ 0, 1 ], [ 1, 2 ] ]"),
        ValidationReport.class)).hasMessageContaining("$.errorRows[1]");
  }

  @Test
  void passingReportSaysPass() throws Exception {
    Table t = Tables.builder().numeric("x", 1).build();
    JsonNode root = new ObjectMapper().readTree(MlopsJson.toJson(Schemas.validate(t, Schemas.of(t))));

    assertThat(root.get("status").asText()).isEqualTo("PASS");
    assertThat(root.get("violations")).isEmpty();
  }
}
