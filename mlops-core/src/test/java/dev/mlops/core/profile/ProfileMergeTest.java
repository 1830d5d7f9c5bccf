package dev.mlops.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.api.data.Table;
import dev.mlops.api.profile.CategoricalProfile;
import dev.mlops.api.profile.NumericProfile;
import dev.mlops.api.profile.TableProfile;
import dev.mlops.core.data.CategoricalColumnBuilder;
import dev.mlops.core.data.Columns;
import dev.mlops.core.data.NumericColumnBuilder;
import dev.mlops.core.data.TableSummary;
import dev.mlops.core.data.Tables;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** Property: the merge of shard profiles is the profile of the whole, in any grouping and order. */
class ProfileMergeTest {

  private static Table table(SplittableRandom r, int n) {
    NumericColumnBuilder x = Columns.numericBuilder("x", n);
    CategoricalColumnBuilder k = Columns.categoricalBuilder("k", n);
    boolean[] flag = new boolean[n];
    for (int i = 0; i < n; i++) {
      int roll = r.nextInt(100);
      if (roll == 0) {
        x.addNull();
      } else if (roll == 1) {
        x.add(Double.NaN);
      } else if (roll == 2) {
        x.add(Double.POSITIVE_INFINITY);
      } else {
        x.add(r.nextGaussian() * 50 + 1000);
      }
      k.add(roll < 5 ? null : "cat-" + r.nextInt(40));
      flag[i] = r.nextBoolean();
    }
    return Tables.builder().add(x.build()).add(k.build()).bool("flag", flag).build();
  }

  private static Table slice(Table t, int from, int to) {
    var b = Tables.builder();
    NumericColumnBuilder x = Columns.numericBuilder("x");
    CategoricalColumnBuilder k = Columns.categoricalBuilder("k");
    boolean[] flag = new boolean[to - from];
    for (int i = from; i < to; i++) {
      if (t.numeric("x").isNull(i)) {
        x.addNull();
      } else {
        x.add(t.numeric("x").getDouble(i));
      }
      k.add(t.categorical("k").getString(i));
      flag[i - from] = t.bool("flag").getBoolean(i);
    }
    return b.add(x.build()).add(k.build()).bool("flag", flag).build();
  }

  @RepeatedTest(5)
  void mergeOfShardsIsTheProfileOfTheWhole(RepetitionInfo info) {
    SplittableRandom r = new SplittableRandom(info.getCurrentRepetition());
    int n = 20_000;
    Table whole = table(r, n);
    int cut1 = 1 + r.nextInt(n / 2);
    int cut2 = cut1 + 1 + r.nextInt(n / 2 - 1);
    TableProfile a = Profiles.of(slice(whole, 0, cut1));
    TableProfile b = Profiles.of(slice(whole, cut1, cut2));
    TableProfile c = Profiles.of(slice(whole, cut2, n));

    TableProfile left = Profiles.merge(Profiles.merge(a, b), c);
    TableProfile right = Profiles.merge(c, Profiles.merge(b, a));
    TableProfile direct = Profiles.of(whole);

    for (TableProfile merged : new TableProfile[] {left, right}) {
      assertThat(merged.rowCount()).isEqualTo(n);
      NumericProfile mx = (NumericProfile) merged.column("x");
      NumericProfile dx = (NumericProfile) direct.column("x");
      assertThat(mx.count()).isEqualTo(dx.count());
      assertThat(mx.nullCount()).isEqualTo(dx.nullCount());
      assertThat(mx.nanCount()).isEqualTo(dx.nanCount());
      assertThat(mx.infiniteCount()).isEqualTo(dx.infiniteCount());
      assertThat(mx.finiteCount()).isEqualTo(dx.finiteCount());
      assertThat(mx.min()).isEqualTo(dx.min());
      assertThat(mx.max()).isEqualTo(dx.max());
      assertThat(mx.mean()).isCloseTo(dx.mean(), within(Math.abs(dx.mean()) * 1e-12));
      assertThat(mx.variance()).isCloseTo(dx.variance(), within(dx.variance() * 1e-12));
      assertQuantilesWithinRankError(whole, mx);

      CategoricalProfile mk = (CategoricalProfile) merged.column("k");
      CategoricalProfile dk = (CategoricalProfile) direct.column("k");
      assertThat(mk.nullCount()).isEqualTo(dk.nullCount());
      assertThat(mk.frequentItems()).containsExactlyInAnyOrderElementsOf(dk.frequentItems());
      assertThat(mk.distinctEstimate()).isCloseTo(40, within(2.0));
      CategoricalProfile flag = (CategoricalProfile) merged.column("flag");
      assertThat(flag.frequentItems().stream().mapToLong(CategoricalProfile.FrequentItem::estimate).sum()).isEqualTo(n);
    }
  }

  private static void assertQuantilesWithinRankError(Table whole, NumericProfile p) {
    double[] finite = Arrays.stream(whole.numeric("x").toDoubleArray()).filter(Double::isFinite).sorted().toArray();
    for (double q = 0.05; q < 1; q += 0.1) {
      double v = p.quantile(q);
      int below = 0;
      while (below < finite.length && finite[below] <= v) {
        below++;
      }
      double trueRank = (double) below / finite.length;
      // KLL's error holds per query with 99% confidence; across the 100 queries of this test allow twice it
      assertThat(trueRank).as("rank of the %.2f quantile", q).isCloseTo(q, within(2 * p.rankError() + 1.0 / finite.length));
    }
  }

  @Test
  void momentsMatchTheSummaryOfTheSameData() {
    Table t = table(new SplittableRandom(9), 5_000);

    NumericProfile p = (NumericProfile) Profiles.of(t).column("x");
    TableSummary.NumericStats s = (TableSummary.NumericStats) TableSummary.of(t).columns().get(0).stats();

    assertThat(p.mean()).isEqualTo(s.mean().getAsDouble());
    double stddev = s.stddev().getAsDouble();
    assertThat(Math.sqrt(p.variance())).isCloseTo(stddev, within(1e-12 * stddev));
    assertThat(p.nanCount()).isEqualTo(s.nanCount());
  }

  @Test
  void emptyAndAllNullColumnsProfileAndMerge() {
    Table empty = Tables.builder().add(Columns.numericBuilder("x").build()).build();
    Table nulls = Tables.builder().add(Columns.numericBuilder("x").addNull().addNull().build()).build();
    Table values = Tables.builder().numeric("x", 1, 3).build();

    NumericProfile merged = (NumericProfile) Profiles.merge(Profiles.merge(Profiles.of(empty), Profiles.of(nulls)),
        Profiles.of(values)).column("x");

    assertThat(((NumericProfile) Profiles.of(empty).column("x")).mean()).isNaN();
    assertThat(((NumericProfile) Profiles.of(nulls).column("x")).quantile(0.5)).isNaN();
    assertThat(merged.count()).isEqualTo(4);
    assertThat(merged.nullCount()).isEqualTo(2);
    assertThat(merged.mean()).isEqualTo(2.0);
    assertThat(merged.variance()).isEqualTo(2.0);
    assertThat(merged.min()).isEqualTo(1.0);
  }

  @Test
  void mismatchedProfilesAreRejected() {
    TableProfile a = Profiles.of(Tables.builder().numeric("x", 1).build());
    TableProfile b = Profiles.of(Tables.builder().categorical("x", "a").build());
    TableProfile c = Profiles.of(Tables.builder().numeric("y", 1).build());

    assertThatThrownBy(() -> Profiles.merge(a, b)).hasMessage("column 'x' is NUMERIC in one profile and CATEGORICAL in the other");
    assertThatThrownBy(() -> Profiles.merge(a, c)).hasMessage("profiles have different columns: [x] and [y]");
    assertThatThrownBy(() -> a.column("z")).hasMessage("no column 'z' in profile; columns are [x]");
  }
}
