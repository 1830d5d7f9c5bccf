package dev.mlops.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.api.data.ColumnType;
import dev.mlops.api.data.MalformedDataException;
import dev.mlops.api.data.Table;
import dev.mlops.api.drift.DriftReport;
import dev.mlops.api.profile.TableProfile;
import dev.mlops.api.schema.Schema;
import dev.mlops.api.schema.ValidationReport;
import dev.mlops.core.data.Tables;
import dev.mlops.core.drift.Drift;
import dev.mlops.core.profile.Profiles;
import dev.mlops.core.schema.Schemas;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, finding 6: every JSON reader rejects content after the document, a key given twice,
 * and a {@code formatVersion} that only narrows to a supported one (4294967297 has the low 32 bits
 * of 1), naming the JSON path.
 */
class StrictJsonReadersTest {

  private static Table table() {
    return Tables.builder().numeric("x", 1, 2, 3, 4).categorical("c", "a", "b", "a", "b").build();
  }

  /** One document of each kind, as the library writes it. */
  private static Map<Class<?>, String> documents() {
    Schema schema = Schema.builder().field("x", ColumnType.NUMERIC, f -> f.between(0, 10)).build();
    Map<Class<?>, String> docs = new LinkedHashMap<>();
    docs.put(Schema.class, MlopsJson.toJson(schema));
    docs.put(TableProfile.class, MlopsJson.toJson(Profiles.of(table())));
    docs.put(ValidationReport.class, MlopsJson.toJson(Schemas.validate(table(), schema)));
    docs.put(DriftReport.class, MlopsJson.toJson(Drift.compare(table(), table())));
    return docs;
  }

  @Test
  void everyDocumentAsWritten_readsBack() {
    documents().forEach((type, json) -> assertThat(MlopsJson.fromJson(json, type)).as(type.getSimpleName()).isNotNull());
  }

  @Test
  void trailingContent_isRejected() {
    documents().forEach((type, json) -> {
      for (String tail : new String[] {"{}", " x", "\n{\"formatVersion\": 1}", "]"}) {
        assertThatThrownBy(() -> MlopsJson.fromJson(json + tail, type)).as(type.getSimpleName() + " + " + tail)
            .isInstanceOf(MalformedDataException.class).hasMessageContaining("not valid JSON");
      }
      assertThat(MlopsJson.fromJson(json + " \n\t", type)).as("trailing white space is fine").isNotNull();
    });
  }

  @Test
  void aKeyGivenTwice_isRejectedNamingItsPath() {
    documents().forEach((type, json) -> {
      String twice = "{\"formatVersion\": 1, " + json.substring(json.indexOf('{') + 1);
      assertThatThrownBy(() -> MlopsJson.fromJson(twice, type)).as(type.getSimpleName())
          .isInstanceOf(MalformedDataException.class)
          .hasMessageContaining("not valid JSON: $.formatVersion: Duplicate field 'formatVersion'");
    });
    String schema = "{\"formatVersion\": 1, \"fields\": [{\"name\": \"a\", \"type\": \"numeric\"},"
        + " {\"name\": \"b\", \"type\": \"numeric\", \"name\": \"c\"}]}";
    assertThatThrownBy(() -> MlopsJson.fromJson(schema, Schema.class)).isInstanceOf(MalformedDataException.class)
        .hasMessageContaining("$.fields[1].name: Duplicate field 'name'");
    assertThatThrownBy(() -> Schemas.fromJson(schema)).isInstanceOf(MalformedDataException.class)
        .hasMessageContaining("$.fields[1].name: Duplicate field 'name'");
  }

  @Test
  void aFormatVersionThatOnlyNarrowsToOne_isRejected() {
    documents().forEach((type, json) -> {
      assertThat(json).contains("\"formatVersion\" : 1");
      for (String version : new String[] {"4294967297", "1.0", "\"1\"", "18446744073709551617"}) {
        String other = json.replace("\"formatVersion\" : 1", "\"formatVersion\" : " + version);
        assertThatThrownBy(() -> MlopsJson.fromJson(other, type)).as(type.getSimpleName() + " " + version)
            .isInstanceOf(MalformedDataException.class).hasMessageContaining("$.formatVersion")
            .hasMessageContaining(version.replace("\"", ""));
      }
    });
  }

  @Test
  void wholeNumbersThatDoNotFitAnInt_areRejectedNotNarrowed() {
    Schema schema = Schema.builder().field("x", ColumnType.NUMERIC, f -> f.between(0, 10)).build();
    String report = MlopsJson.toJson(Schemas.validate(table(), schema));
    assertThat(report).contains("\"rowCount\" : 4");
    String huge = report.replace("\"rowCount\" : 4", "\"rowCount\" : 4294967300");
    assertThatThrownBy(() -> MlopsJson.fromJson(huge, ValidationReport.class))
        .isInstanceOf(MalformedDataException.class).hasMessageContaining("$.rowCount")
        .hasMessageContaining("4294967300");
    String lengths = "{\"formatVersion\": 1, \"fields\": [{\"name\": \"s\", \"type\": \"categorical\", \"constraints\":"
        + " [{\"kind\": \"length\", \"min\": 0, \"max\": 4294967297}]}]}";
    assertThatThrownBy(() -> Schemas.fromJson(lengths)).isInstanceOf(MalformedDataException.class)
        .hasMessageContaining("max");
  }
}
