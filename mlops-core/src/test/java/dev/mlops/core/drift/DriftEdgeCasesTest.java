package dev.mlops.core.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Empty samples, NaN, infinities, constant columns and unseen categories: defined results or clear errors. */
class DriftEdgeCasesTest {

  @Test
  void emptySamplesAreRejectedNamingTheSide() {
    assertThatThrownBy(() -> TwoSample.kolmogorovSmirnov(new double[0], new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("reference sample is empty");
    assertThatThrownBy(() -> TwoSample.wasserstein(new double[] {1}, new double[0]))
        .hasMessageStartingWith("current sample is empty");
  }

  @Test
  void nanIsRejectedWithItsIndex() {
    assertThatThrownBy(() -> TwoSample.mannWhitney(new double[] {1, Double.NaN}, new double[] {1}))
        .hasMessageStartingWith("reference sample holds NaN at index 1");
  }

  @Test
  void infinitiesAreValuesForRankTestsButNotForDistances() {
    double[] ref = {1, 2, 3, Double.POSITIVE_INFINITY};
    double[] cur = {1, 2, 3, 4};

    assertThat(TwoSample.kolmogorovSmirnov(ref, cur).statistic()).isEqualTo(0.25);
    assertThat(TwoSample.mannWhitney(ref, cur).pValue()).isBetween(0.0, 1.0);
    assertThatThrownBy(() -> TwoSample.wasserstein(ref, cur))
        .hasMessageStartingWith("reference sample holds Infinity at index 3; this distance needs finite values");
  }

  @Test
  void identicalSamplesShowNoDriftAndInputsAreNotModified() {
    double[] ref = {3, 1, 2, 2};
    double[] cur = {2, 3, 2, 1};

    assertThat(TwoSample.kolmogorovSmirnov(ref, cur)).isEqualTo(new TestResult(0, 1));
    assertThat(TwoSample.wasserstein(ref, cur)).isZero();
    assertThat(TwoSample.energyDistance(ref, cur)).isZero();
    assertThat(ref).containsExactly(3, 1, 2, 2);
  }

  @Test
  void constantReferenceHasOneBinAndAScalelessNormedWasserstein() {
    double[] ref = {5, 5, 5};

    NumericBins bins = NumericBins.fromReference(ref, 10);

    assertThat(bins.size()).isEqualTo(1);
    assertThat(Distances.psi(bins.referenceProportions(), bins.proportions(new double[] {1, 9}), 1e-4)).isZero();
    assertThat(TwoSample.wassersteinNormed(ref, new double[] {5})).isZero();
    assertThat(TwoSample.wassersteinNormed(ref, new double[] {6})).isInfinite();
  }

  @Test
  void unseenCategoriesAreCountedNotCrashedOn() {
    TestResult chi2 = CategoricalDrift.chiSquare(new long[] {100, 50, 0}, new long[] {90, 40, 20});

    assertThat(chi2.pValue()).isLessThan(0.001);
    assertThat(CategoricalDrift.chiSquare(new long[] {10, 0}, new long[] {5, 0})).isEqualTo(new TestResult(0, 1));
    assertThatThrownBy(() -> CategoricalDrift.chiSquare(new long[] {0, 0}, new long[] {1, 2}))
        .hasMessageStartingWith("reference has no counts");
    assertThatThrownBy(() -> CategoricalDrift.gTest(new long[] {1}, new long[] {1, 2}))
        .hasMessageStartingWith("reference and current must count the same categories");
  }

  @Test
  void binningAgreesWithACountAcrossEdgeCountsAndBoundaries() {
    SplittableRandom r = new SplittableRandom(9);
    for (int bins : new int[] {2, 10, 16, 17, 32, 33, 60}) {
      double[] ref = new double[5_000];
      for (int i = 0; i < ref.length; i++) {
        ref[i] = r.nextInt(1000) / 10.0;
      }
      NumericBins b = NumericBins.fromReference(ref, bins);
      double[] edges = b.innerEdges();
      double[] current = new double[3_000];
      for (int i = 0; i < current.length; i++) {
        current[i] = i % 3 == 0 ? edges[r.nextInt(edges.length)] : r.nextInt(1200) / 10.0 - 10;
      }
      long[] expected = new long[edges.length + 1];
      for (double x : current) {
        int bin = 0;
        while (bin < edges.length && edges[bin] < x) {
          bin++;
        }
        expected[bin]++;
      }
      double[] p = b.proportions(current);
      for (int k = 0; k < p.length; k++) {
        assertThat(p[k]).as("bins=%d bin=%d", bins, k).isEqualTo((double) expected[k] / current.length);
      }
    }
  }

  @Test
  void distancesValidateTheirInputs() {
    assertThatThrownBy(() -> Distances.psi(new double[] {0.5, 0.5}, new double[] {1}, 1e-4))
        .hasMessageStartingWith("proportions must have the same, non-zero length");
    assertThatThrownBy(() -> Distances.psi(new double[] {1}, new double[] {1}, 0))
        .hasMessageStartingWith("epsilon must be in (0, 1)");
    assertThatThrownBy(() -> NumericBins.fromReference(new double[] {1}, 0)).hasMessage("bins must be >= 1, was 0");
  }

  @Test
  void largeSamplesStayFastAndUseTheAsymptoticPath() {
    SplittableRandom r = new SplittableRandom(3);
    double[] a = new double[200_000];
    double[] b = new double[200_000];
    for (int i = 0; i < a.length; i++) {
      a[i] = r.nextDouble();
      b[i] = r.nextDouble() + 0.01;
    }

    TestResult ks = TwoSample.kolmogorovSmirnov(a, b);

    assertThat(ks.statistic()).isBetween(0.005, 0.02);
    assertThat(ks.pValue()).isLessThan(1e-6);
  }
}
