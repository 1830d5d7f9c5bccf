package dev.mlops.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.api.data.Table;
import dev.mlops.api.drift.DriftMethod;
import dev.mlops.api.profile.CategoricalProfile;
import dev.mlops.api.profile.NumericProfile;
import dev.mlops.core.data.Columns;
import dev.mlops.core.data.Tables;
import dev.mlops.core.drift.CategoricalDrift;
import dev.mlops.core.drift.Distances;
import dev.mlops.core.drift.TestResult;
import dev.mlops.core.drift.TwoSample;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import dev.mlops.core.drift.NumericBins;
import org.assertj.core.api.Assertions;

/** Drift from profiles agrees with exact drift on the raw data within the stated bounds. */
class ProfileDriftTest {

  private static double[] sample(long seed, int n, double shift) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = r.nextGaussian() + shift;
    }
    return x;
  }

  private static NumericProfile profile(double[] x) {
    return (NumericProfile) Profiles.of(Tables.builder().numeric("x", x).build()).column("x");
  }

  @Test
  void ksFromSketchesIsWithinTheStatedBoundOfExactKs() {
    for (double shift : new double[] {0, 0.05, 0.3}) {
      double[] ref = sample(1, 200_000, 0);
      double[] cur = sample(2, 150_000, shift);

      ProfileDrift.Score s = ProfileDrift.compare(profile(ref), profile(cur), DriftMethod.KOLMOGOROV_SMIRNOV);
      TestResult exact = TwoSample.kolmogorovSmirnov(ref, cur);

      assertThat(Math.abs(s.statistic() - exact.statistic())).as("shift %s", shift).isLessThanOrEqualTo(s.errorBound());
      assertThat(exact.pValue()).isBetween(s.pValueLow(), s.pValueHigh());
    }
  }

  @Test
  void ksPValueIntervalFromSketches_containsTheExactTinyPValue() {
    // Issue 13, finding 7: with 1 - cdf the interval was [1.07e-13, 1.95e-13] around an exact 1.86e-24.
    for (double shift : new double[] {0.1, 0.12, 0.15}) {
      double[] ref = sample(11, 20_000, 0);
      double[] cur = sample(12, 20_000, shift);

      ProfileDrift.Score s = ProfileDrift.compare(profile(ref), profile(cur), DriftMethod.KOLMOGOROV_SMIRNOV);
      TestResult exact = TwoSample.kolmogorovSmirnov(ref, cur);

      assertThat(exact.pValue()).as("shift %s", shift).isLessThan(1e-15).isPositive();
      assertThat(exact.pValue()).as("shift %s", shift).isBetween(s.pValueLow(), s.pValueHigh());
      assertThat(s.pValueLow()).isLessThan(exact.pValue() * 1e-6);
    }
  }

  @Test
  void binnedDistancesFromSketchesAreCloseToExactOnes() {
    double[] ref = sample(3, 100_000, 0);
    double[] cur = sample(4, 100_000, 0.4);

    ProfileDrift.Score psi = ProfileDrift.compare(profile(ref), profile(cur), DriftMethod.PSI);
    var bins = NumericBins.fromReference(ref, 10);
    double exact = Distances.psi(bins.referenceProportions(), bins.proportions(cur), Distances.DEFAULT_EPSILON);

    // KLL compaction is randomised inside DataSketches (unseeded), so the gap varies between runs:
    // it must stay within the stated bound, and well below the size of the shift itself.
    assertThat(Math.abs(psi.statistic() - exact)).isLessThanOrEqualTo(psi.errorBound());
    assertThat(Math.abs(psi.statistic() - exact)).isLessThan(0.5 * exact);
    assertThat(ProfileDrift.compare(profile(ref), profile(cur), DriftMethod.HELLINGER).statistic()).isPositive();
  }

  @Test
  void categoricalDriftFromProfilesIsExactForSmallDomains() {
    String[] a = new String[1000];
    String[] b = new String[800];
    SplittableRandom r = new SplittableRandom(5);
    for (int i = 0; i < a.length; i++) {
      a[i] = r.nextInt(10) < 7 ? "x" : "y";
    }
    for (int i = 0; i < b.length; i++) {
      b[i] = r.nextInt(10) < 4 ? "x" : r.nextInt(2) == 0 ? "y" : "z";
    }
    Table ta = Tables.builder().categorical("k", a).build();
    Table tb = Tables.builder().categorical("k", b).build();

    ProfileDrift.Score tv = ProfileDrift.compare((CategoricalProfile) Profiles.of(ta).column("k"),
        (CategoricalProfile) Profiles.of(tb).column("k"), DriftMethod.TOTAL_VARIATION);

    long[] ca = {count(a, "x"), count(a, "y"), 0};
    long[] cb = {count(b, "x"), count(b, "y"), count(b, "z")};
    double exact = Distances.totalVariation(CategoricalDrift.proportions(ca), CategoricalDrift.proportions(cb));
    assertThat(tv.statistic()).isCloseTo(exact, Assertions.within(1e-12));
    assertThat(tv.errorBound()).isZero();
  }

  private static long count(String[] v, String s) {
    long n = 0;
    for (String x : v) {
      if (x.equals(s)) {
        n++;
      }
    }
    return n;
  }

  @Test
  void emptyProfilesAndUnsupportedMethodsAreClearErrors() {
    NumericProfile empty = (NumericProfile) Profiles.of(Tables.builder()
        .add(Columns.numericBuilder("x").addNull().build()).build()).column("x");

    assertThatThrownBy(() -> ProfileDrift.compare(empty, profile(new double[] {1}), DriftMethod.KOLMOGOROV_SMIRNOV))
        .hasMessage("column 'x': a profile has no finite value to compare");
    assertThatThrownBy(() -> ProfileDrift.compare(profile(new double[] {1, 2}), profile(new double[] {1}),
        DriftMethod.MANN_WHITNEY)).hasMessage("MANN_WHITNEY is not computed from profiles");
  }
}
