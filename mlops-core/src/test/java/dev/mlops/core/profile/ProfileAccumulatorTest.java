package dev.mlops.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.api.data.ColumnType;
import dev.mlops.api.profile.CategoricalProfile;
import dev.mlops.api.profile.NumericProfile;
import dev.mlops.api.profile.TableProfile;
import dev.mlops.core.data.Tables;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ProfileAccumulatorTest {

  private static List<Map<String, Object>> rows(int n, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Map<String, Object>> rows = new ArrayList<>(n);
    String[] colours = {"red", "green", "blue", "ünïcode"};
    for (int i = 0; i < n; i++) {
      Map<String, Object> row = new HashMap<>();
      double u = rnd.nextDouble();
      row.put("x", u < 0.01 ? null : u < 0.015 ? Double.NaN : u < 0.02 ? Double.POSITIVE_INFINITY : rnd.nextGaussian() * 3 + 1);
      row.put("colour", u > 0.97 ? null : colours[rnd.nextInt(colours.length)]);
      row.put("flag", rnd.nextBoolean());
      rows.add(row);
    }
    return rows;
  }

  @Test
  void buildsTheSameProfileAsATableOfTheSameRows() {
    List<Map<String, Object>> rows = rows(20_000, 7);
    TableProfile expected = Profiles.of(Tables.fromMaps(rows));
    Map<String, ColumnType> columns = new LinkedHashMap<>();
    expected.columns().forEach(c -> columns.put(c.name(), c.type()));
    ProfileAccumulator acc = ProfileAccumulator.of(columns);
    for (Map<String, Object> row : rows) {
      row.forEach((k, v) -> acc.addObject(acc.columnIndex(k), v));
      acc.endRow();
    }
    TableProfile actual = acc.toProfile();

    assertThat(actual.rowCount()).isEqualTo(20_000);
    NumericProfile ex = (NumericProfile) expected.column("x");
    NumericProfile ax = (NumericProfile) actual.column("x");
    assertThat(ax.count()).isEqualTo(ex.count());
    assertThat(ax.nullCount()).isEqualTo(ex.nullCount()).isPositive();
    assertThat(ax.nanCount()).isEqualTo(ex.nanCount()).isPositive();
    assertThat(ax.infiniteCount()).isEqualTo(ex.infiniteCount()).isPositive();
    assertThat(ax.mean()).isEqualTo(ex.mean());
    assertThat(ax.variance()).isEqualTo(ex.variance());
    assertThat(ax.min()).isEqualTo(ex.min());
    assertThat(ax.max()).isEqualTo(ex.max());
    for (double q = 0.05; q < 1; q += 0.1) {
      // Both sketches are within their rank error of the truth, so within twice of each other.
      assertThat(ex.rank(ax.quantile(q))).isCloseTo(q, within(2 * ax.rankError()));
    }
    for (String name : List.of("colour", "flag")) {
      CategoricalProfile ec = (CategoricalProfile) expected.column(name);
      CategoricalProfile ac = (CategoricalProfile) actual.column(name);
      assertThat(ac.nullCount()).isEqualTo(ec.nullCount());
      assertThat(ac.frequentItems()).containsExactlyInAnyOrderElementsOf(ec.frequentItems());
      assertThat(ac.distinctEstimate()).isEqualTo(ec.distinctEstimate());
    }
  }

  @Test
  void aColumnWithoutAValueInARowIsNull() {
    ProfileAccumulator acc = ProfileAccumulator.of(Map.of("x", ColumnType.NUMERIC));
    acc.add(0, 2.0);
    acc.endRow();
    acc.endRow();
    NumericProfile x = (NumericProfile) acc.toProfile().column("x");
    assertThat(x.count()).isEqualTo(2);
    assertThat(x.nullCount()).isEqualTo(1);
    assertThat(x.mean()).isEqualTo(2.0);
  }

  @Test
  void anEmptyAccumulatorGivesAnEmptyProfileThatSerialises() {
    ProfileAccumulator acc = ProfileAccumulator.of(Map.of("x", ColumnType.NUMERIC));
    TableProfile p = acc.toProfile();
    assertThat(p.rowCount()).isZero();
    assertThat(((NumericProfile) p.column("x")).mean()).isNaN();
    assertThat(Profiles.fromBytes(Profiles.toBytes(p)).rowCount()).isZero();
  }

  @Test
  void wrongValuesAreClearErrors() {
    Map<String, ColumnType> columns = new LinkedHashMap<>();
    columns.put("x", ColumnType.NUMERIC);
    columns.put("b", ColumnType.BOOLEAN);
    ProfileAccumulator acc = ProfileAccumulator.of(columns);
    assertThatThrownBy(() -> acc.add(0, "car")).hasMessageContaining("column 'x' is NUMERIC").hasMessageContaining("car");
    assertThatThrownBy(() -> acc.add(1, 1.0)).hasMessageContaining("column 'b' is BOOLEAN");
    assertThatThrownBy(() -> acc.add(1, "yes")).hasMessageContaining("expected \"true\" or \"false\"");
    assertThatThrownBy(() -> acc.addObject(0, "1")).hasMessageContaining("expected a number, got String 1");
    assertThatThrownBy(() -> acc.columnIndex("y")).hasMessageContaining("no column 'y'").hasMessageContaining("[x, b]");
    assertThatThrownBy(() -> acc.add(2, 1.0)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> ProfileAccumulator.of(Map.of())).hasMessageContaining("at least one column");
    acc.add(0, 1.0);
    acc.add(0, 2.0);
    acc.endRow();
    assertThatThrownBy(acc::toProfile).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("column 'x' got 2 values in 1 rows");
  }

  @Test
  void aHugeCardinalityColumnStaysBoundedAndAgreesWithTheTableProfile() {
    List<Map<String, Object>> rows = new ArrayList<>();
    SplittableRandom rnd = new SplittableRandom(9);
    for (int i = 0; i < 30_000; i++) {
      // "hot" in a third of the rows, otherwise one of 20,000 user ids.
      rows.add(Map.of("user", i % 3 == 0 ? "hot" : "user-" + rnd.nextInt(20_000)));
    }
    TableProfile expected = Profiles.of(Tables.fromMaps(rows));
    ProfileAccumulator acc = ProfileAccumulator.of(Map.of("user", ColumnType.CATEGORICAL));
    for (Map<String, Object> row : rows) {
      acc.add(0, (String) row.get("user"));
      acc.endRow();
    }
    CategoricalProfile a = (CategoricalProfile) acc.toProfile().column("user");
    CategoricalProfile e = (CategoricalProfile) expected.column("user");
    long truth = rows.stream().map(r -> r.get("user")).distinct().count();
    // HLL's HIP estimator depends on insertion order; both are within its ~1.6% (1 sigma) error.
    assertThat(a.distinctEstimate()).isCloseTo(truth, within(truth * 0.05));
    assertThat(e.distinctEstimate()).isCloseTo(truth, within(truth * 0.05));
    CategoricalProfile.FrequentItem top = a.frequentItems().get(0);
    assertThat(top.value()).isEqualTo("hot");
    assertThat(top.lowerBound()).isLessThanOrEqualTo(10_000);
    assertThat(top.upperBound()).isGreaterThanOrEqualTo(10_000);
  }

  @Test
  void selectKeepsTheNamedColumnsInOrder() {
    TableProfile all = Profiles.of(Tables.fromMaps(rows(100, 3)));
    TableProfile some = Profiles.select(all, List.of("flag", "x"));
    assertThat(some.rowCount()).isEqualTo(100);
    assertThat(some.columns()).extracting(c -> c.name()).containsExactly("flag", "x");
    assertThat(some.column("x")).isSameAs(all.column("x"));
    assertThatThrownBy(() -> Profiles.select(all, List.of("nope"))).hasMessageContaining("no column 'nope'");
  }
}
