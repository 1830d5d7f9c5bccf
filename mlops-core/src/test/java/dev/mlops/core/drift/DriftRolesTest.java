package dev.mlops.core.drift;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlops.api.data.Table;
import dev.mlops.api.drift.ColumnRole;
import dev.mlops.api.drift.DriftOptions;
import dev.mlops.api.drift.DriftReport;
import dev.mlops.core.data.Columns;
import dev.mlops.core.json.MlopsJson;
import dev.mlops.core.data.Tables;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Column roles: identifiers and timestamps are reported as not tested, never as drifted. */
class DriftRolesTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final String[] CITIES = {"Lyon", "Oslo", "Kyiv", "Lima"};

  /**
   * An ordinary table of {@code n} rows: a unique long id, an order reference, a timestamp that
   * advances a minute per row, stable features; {@code income} moves by {@code shift} from row
   * {@code n / 2}.
   */
  private static Table orders(int n, double shift, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    long[] id = new long[n];
    String[] reference = new String[n];
    Instant[] time = new Instant[n];
    double[] income = new double[n];
    long[] age = new long[n];
    String[] city = new String[n];
    for (int i = 0; i < n; i++) {
      id[i] = 1_000_000L + i;
      reference[i] = "order-" + (7 * i + 3);
      time[i] = START.plus(Duration.ofMinutes(i));
      income[i] = r.nextGaussian() * 10 + 50 + (i >= n / 2 ? shift : 0);
      age[i] = 18 + r.nextInt(60);
      city[i] = CITIES[r.nextInt(CITIES.length)];
    }
    return Tables.builder().integral("customer_id", id).categorical("order_ref", reference)
        .timestamp("created", time).numeric("income", income).integral("age", age).categorical("city", city).build();
  }

  private static Table half(Table t, boolean first) {
    int n = t.rowCount() / 2;
    return Tables.select(t, IntStream.range(first ? 0 : n, first ? n : 2 * n).toArray());
  }

  @Test
  void anIdAndATimestampInTwoHalvesOfTheSameDataDoNotDriftButAShiftedFeatureStillDoes() {
    Table same = orders(20_000, 0, 1);
    Table shifted = orders(20_000, 10, 1);

    DriftReport stable = Drift.compare(half(same, true), half(same, false));
    DriftReport moved = Drift.compare(half(shifted, true), half(shifted, false));

    assertThat(stable.driftedColumns()).isEmpty();
    assertThat(stable.datasetDrift()).isFalse();
    assertThat(stable.column("customer_id").tested()).isFalse();
    assertThat(stable.column("customer_id").role()).isEqualTo(ColumnRole.IDENTIFIER);
    assertThat(stable.column("customer_id").note()).isEqualTo("identifier (all 10000 reference values are distinct)");
    assertThat(stable.column("order_ref").role()).isEqualTo(ColumnRole.IDENTIFIER);
    assertThat(stable.column("created").role()).isEqualTo(ColumnRole.TIMESTAMP);
    assertThat(stable.column("created").note()).isEqualTo("time");
    assertThat(stable.toText()).contains("0 of 3 tested columns drifted")
        .contains("customer_id: not tested: identifier").contains("created: not tested: time");

    assertThat(moved.driftedColumns()).containsExactly("income");
    assertThat(moved.column("income").role()).as("all-distinct floats are a feature").isEqualTo(ColumnRole.FEATURE);
    assertThat(moved.driftShare()).isEqualTo(1.0 / 3);
    assertThat(moved.column("customer_id").drifted()).isFalse();
    assertThat(moved.column("created").drifted()).isFalse();
  }

  @Test
  void aWideIntegralFeatureWithDistinctValuesIsStillTested() {
    int n = 5_000;
    SplittableRandom r = new SplittableRandom(2);
    long[] cents = new long[n];
    long[] later = new long[n];
    for (int i = 0; i < n; i++) {
      cents[i] = 1_000L * i + r.nextInt(1_000);       // distinct, spread over 1,000 times their number
      later[i] = 1_000L * i + r.nextInt(1_000) + 2_000_000;
    }
    Table reference = Tables.builder().integral("amount_cents", cents).build();

    DriftReport report = Drift.compare(reference, Tables.builder().integral("amount_cents", later).build());

    assertThat(report.column("amount_cents").role()).isEqualTo(ColumnRole.FEATURE);
    assertThat(report.driftedColumns()).containsExactly("amount_cents");
  }

  @Test
  void distinctValuesInASmallSampleAreNotTakenForAnIdentifier() {
    long[] ids = IntStream.range(0, PreparedReference.IDENTIFIER_MIN_VALUES - 1).asLongStream().toArray();
    Table reference = Tables.builder().integral("n", ids).build();

    PreparedReference prepared = PreparedReference.of(reference, DriftOptions.defaults());

    assertThat(prepared.role("n")).isEqualTo(ColumnRole.FEATURE);
    long[] more = IntStream.range(0, PreparedReference.IDENTIFIER_MIN_VALUES).asLongStream().toArray();
    assertThat(PreparedReference.of(Tables.builder().integral("n", more).build(), DriftOptions.defaults()).role("n"))
        .isEqualTo(ColumnRole.IDENTIFIER);
  }

  @Test
  void rolesSetInTheOptionsOverrideTheAutomaticRule() {
    Table reference = orders(4_000, 0, 3);
    Table current = Tables.builder().add(orders(4_000, 0, 4).column("customer_id"))
        .add(orders(4_000, 0, 4).column("created")).add(orders(4_000, 0, 4).column("income"))
        .add(orders(4_000, 0, 4).column("city")).add(orders(4_000, 0, 4).column("age"))
        .categorical("notes", new String[4_000])
        .build();

    DriftReport report = Drift.compare(reference, current, DriftOptions.builder()
        .role("customer_id", ColumnRole.FEATURE)
        .role("created", ColumnRole.FEATURE)
        .role("age", ColumnRole.TARGET)
        .role("city", ColumnRole.PREDICTION)
        .role("income", ColumnRole.IDENTIFIER)
        .ignore("order_ref")
        .ignore("notes")
        .build());

    assertThat(report.column("customer_id").tested()).isTrue();
    assertThat(report.column("created").tested()).isTrue();
    assertThat(report.column("income").note()).isEqualTo("identifier");
    assertThat(report.column("order_ref").note()).isEqualTo("ignored");
    assertThat(report.column("notes").note()).as("only in the current data, and ignored").isEqualTo("ignored");
    assertThat(report.column("age").role()).isEqualTo(ColumnRole.TARGET);
    assertThat(report.column("age").tested()).isTrue();
    assertThat(DriftReport.line(report.column("age"))).startsWith("ok       age (target): ");
    assertThat(DriftReport.line(report.column("city"))).startsWith("ok       city (prediction): ");
    assertThat(report.missingRateChanges()).as("ignored columns are left out").isEmpty();
  }

  @Test
  void identifiersStillReportAChangeInTheirMissingValues() {
    Table reference = Tables.builder().integral("id", IntStream.range(0, 2_000).asLongStream().toArray()).build();
    Table current = Tables.builder().add(Columns.numericBuilder("id").addNull().addNull().addNull().add(4).addNull()
        .build()).build();

    DriftReport report = Drift.compare(reference, current);

    assertThat(report.column("id").role()).isEqualTo(ColumnRole.IDENTIFIER);
    assertThat(report.missingRateChanges()).extracting(c -> c.column()).containsExactly("id");
  }

  @Test
  void jsonCarriesTheRoleAndTheReasonAColumnWasNotTested() throws Exception {
    Table t = orders(4_000, 0, 5);

    JsonNode json = new ObjectMapper().readTree(MlopsJson.toJson(Drift.compare(half(t, true), half(t, false))));

    JsonNode columns = json.get("columns");
    JsonNode id = null;
    JsonNode income = null;
    for (JsonNode c : columns) {
      if (c.get("column").asText().equals("customer_id")) {
        id = c;
      } else if (c.get("column").asText().equals("income")) {
        income = c;
      }
    }
    assertThat(id.get("role").asText()).isEqualTo("IDENTIFIER");
    assertThat(id.get("tested").asBoolean()).isFalse();
    assertThat(id.get("notTestedReason").asText()).isEqualTo("identifier (all 2000 reference values are distinct)");
    assertThat(id.has("method")).isFalse();
    assertThat(income.get("role").asText()).isEqualTo("FEATURE");
    assertThat(income.get("method").asText()).isEqualTo("WASSERSTEIN_NORMED");
    assertThat(income.get("builtInMethod").asBoolean()).isTrue();
    assertThat(income.has("notTestedReason")).isFalse();
  }
}
