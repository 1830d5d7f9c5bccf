package dev.mlops.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.api.data.ColumnType;
import dev.mlops.api.data.Table;
import dev.mlops.api.schema.Schema;
import dev.mlops.api.schema.ValidationOptions;
import dev.mlops.api.schema.ValidationReport;
import dev.mlops.api.schema.Violation;
import dev.mlops.api.schema.ViolationKind;
import dev.mlops.core.data.Tables;
import dev.mlops.core.profile.Profiles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ProfileValidationTest {

  private static Table table(long seed, double shift, String extraColour) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      Map<String, Object> row = new HashMap<>();
      row.put("age", i % 50 == 0 ? null : 40 + shift + rnd.nextGaussian() * 10);
      row.put("income", i == 17 && extraColour != null ? Double.NaN : Math.exp(rnd.nextGaussian()));
      row.put("colour", i % 10 == 0 && extraColour != null ? extraColour : (rnd.nextBoolean() ? "red" : "blue"));
      rows.add(row);
    }
    return Tables.fromMaps(rows);
  }

  private static final Schema SCHEMA = Schema.builder()
      .field("age", ColumnType.NUMERIC, f -> f.maxNullFraction(0.05).between(0, 120).meanBetween(35, 45)
          .stddevBetween(5, 15).quantileBetween(0.5, 30, 50))
      .field("income", ColumnType.NUMERIC, f -> f.noNaN().between(0, 1e9))
      .field("colour", ColumnType.CATEGORICAL, f -> f.domain("red", "blue").maxDistinct(2))
      .rowCount(1, 10_000)
      .build();

  private static Map<String, Violation> byKey(ValidationReport report) {
    return report.violations().stream()
        .collect(Collectors.toMap(v -> v.kind() + " " + v.field(), Function.identity()));
  }

  @Test
  void aProfileFindsTheSameViolationsAsTheRows() {
    Table bad = table(3, 60, "green");
    Map<String, Violation> rows = byKey(Schemas.validate(bad, SCHEMA));
    Map<String, Violation> profile = byKey(Schemas.validate(Profiles.of(bad), SCHEMA, ValidationOptions.defaults()));

    assertThat(profile.keySet()).containsExactlyInAnyOrderElementsOf(rows.keySet())
        .contains("OUT_OF_RANGE age", "MEAN_OUT_OF_RANGE age", "QUANTILE_OUT_OF_RANGE age", "NAN income",
            "NOT_IN_DOMAIN colour", "TOO_MANY_DISTINCT colour");
    // Exact counts where the profile knows them exactly.
    assertThat(profile.get("NAN income").counts().failing()).isEqualTo(rows.get("NAN income").counts().failing());
    assertThat(profile.get("NOT_IN_DOMAIN colour").counts().failing())
        .isEqualTo(rows.get("NOT_IN_DOMAIN colour").counts().failing()).isEqualTo(500);
    // Out-of-range count is estimated from the sketch: within its rank error of the truth.
    long truth = rows.get("OUT_OF_RANGE age").counts().failing();
    assertThat((double) profile.get("OUT_OF_RANGE age").counts().failing())
        .isCloseTo(truth, within(0.02 * 5_000));
    assertThat(profile.get("OUT_OF_RANGE age").evidence().actual()).contains("estimated from the quantile sketch");
  }

  @Test
  void aConformingProfileHasNoViolations() {
    ValidationReport report = Schemas.validate(Profiles.of(table(4, 0, null)), SCHEMA, ValidationOptions.defaults());
    assertThat(report.violations()).isEmpty();
    assertThat(report.rowCount()).isEqualTo(5_000);
  }

  @Test
  void missingMistypedAndNullHeavyColumnsAreReported() {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      Map<String, Object> row = new HashMap<>();
      row.put("age", i < 20 ? null : 40.0);
      row.put("income", "high");
      rows.add(row);
    }
    Map<String, Violation> found = byKey(Schemas.validate(Profiles.of(Tables.fromMaps(rows)), SCHEMA,
        ValidationOptions.defaults()));
    assertThat(found).containsKeys("MISSING_COLUMN colour", "TYPE_MISMATCH income", "NULL_FRACTION age");
    assertThat(found.get("NULL_FRACTION age").counts().failing()).isEqualTo(20);
    assertThat(found.get("NULL_FRACTION age").evidence().actual()).isEqualTo("20 nulls of 100 (0.2000)");
  }

  @Test
  void rowCountIsCheckedAndAServingEnvironmentExcusesAbsentFields() {
    Schema schema = Schema.builder()
        .field("age", ColumnType.NUMERIC)
        .field("label", ColumnType.CATEGORICAL, f -> f.absentIn(Schema.SERVING))
        .rowCount(10, 100)
        .build();
    Table small = Tables.fromMaps(List.of(Map.of("age", 1.0)));
    ValidationReport serving = Schemas.validate(Profiles.of(small), schema,
        ValidationOptions.builder().environment(Schema.SERVING).build());
    assertThat(serving.violations()).extracting(Violation::kind).containsExactly(ViolationKind.ROW_COUNT);
  }
}
