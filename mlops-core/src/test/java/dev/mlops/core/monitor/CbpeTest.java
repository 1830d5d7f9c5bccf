package dev.mlops.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.common.testing.NullPointerTester;
import dev.mlops.api.monitor.ConfusionEstimate;
import dev.mlops.api.monitor.PerformanceEstimate;
import dev.mlops.api.monitor.PerformanceEstimator;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CbpeTest {

  /** Beta(2, 5) as X / (X + Y) with X ~ Gamma(2), Y ~ Gamma(5), each a sum of exponentials. */
  static double beta25(SplittableRandom rng) {
    double x = 0;
    double y = 0;
    for (int k = 0; k < 2; k++) {
      x -= Math.log(1 - rng.nextDouble());
    }
    for (int k = 0; k < 5; k++) {
      y -= Math.log(1 - rng.nextDouble());
    }
    return x / (x + y);
  }

  /** Realised metrics of decisions {@code score >= threshold}: accuracy, F1, ROC AUC (ties 1/2). */
  static double[] realised(double[] score, boolean[] y, double threshold) {
    int n = score.length;
    double tp = 0;
    double fp = 0;
    double fn = 0;
    double correct = 0;
    for (int i = 0; i < n; i++) {
      boolean pos = score[i] >= threshold;
      if (pos == y[i]) {
        correct++;
      }
      if (pos && y[i]) {
        tp++;
      } else if (pos) {
        fp++;
      } else if (y[i]) {
        fn++;
      }
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(score[a], score[b]));
    double rankSum = 0;
    long positives = 0;
    for (int i = 0; i < n;) {
      int j = i;
      while (j < n && score[order[j]] == score[order[i]]) {
        j++;
      }
      double midrank = (i + 1 + j) / 2.0;
      for (int k = i; k < j; k++) {
        if (y[order[k]]) {
          rankSum += midrank;
          positives++;
        }
      }
      i = j;
    }
    long negatives = n - positives;
    double auc = (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    return new double[] {correct / n, 2 * tp / (2 * tp + fp + fn), auc};
  }

  /**
   * Given 200 seeds of 5,000 rows with p ~ Beta(2, 5) and labels ~ Bernoulli(p), when the scores are
   * estimated with the identity calibration at threshold 0.35, then the 95% interval covers the
   * realised accuracy in 90-99% of seeds (measured 192/200), the mean error of F1 and ROC AUC over the
   * seeds is below 0.003 (measured -0.00001 and 0.0005; their standard errors are about 0.0007 and
   * 0.0006), their RMS error is below 0.015 (measured 0.0101 and 0.0079, the realised metrics'
   * own sampling noise), and no seed is off by more than 0.05 (measured at most 0.037 and 0.027).
   */
  @Test
  void simulation_accuracyIntervalCoversAndF1AucTrackRealised() {
    int seeds = 200;
    int n = 5000;
    double threshold = 0.35;
    Cbpe cbpe = Cbpe.of(IsotonicCalibrator.identity(), threshold);
    int covered = 0;
    double f1Bias = 0;
    double aucBias = 0;
    double f1Sq = 0;
    double aucSq = 0;
    for (int seed = 0; seed < seeds; seed++) {
      SplittableRandom rng = new SplittableRandom(seed);
      double[] p = new double[n];
      boolean[] y = new boolean[n];
      for (int i = 0; i < n; i++) {
        p[i] = beta25(rng);
        y[i] = rng.nextDouble() < p[i];
      }
      PerformanceEstimate e = cbpe.estimate(p);
      double[] r = realised(p, y, threshold);
      if (r[0] >= e.accuracyLower() && r[0] <= e.accuracyUpper()) {
        covered++;
      }
      assertThat(e.f1()).as("seed %d F1", seed).isCloseTo(r[1], within(0.05));
      assertThat(e.rocAuc()).as("seed %d AUC", seed).isCloseTo(r[2], within(0.05));
      assertThat(e.rocAucErrorBound()).as("seed %d AUC histogram bound", seed).isLessThan(1e-5);
      f1Bias += (e.f1() - r[1]) / seeds;
      aucBias += (e.rocAuc() - r[2]) / seeds;
      f1Sq += (e.f1() - r[1]) * (e.f1() - r[1]) / seeds;
      aucSq += (e.rocAuc() - r[2]) * (e.rocAuc() - r[2]) / seeds;
    }
    assertThat(covered).as("seeds whose 95%% interval covers the realised accuracy").isBetween(180, 198);
    assertThat(f1Bias).as("mean F1 error").isCloseTo(0, within(0.003));
    assertThat(aucBias).as("mean AUC error").isCloseTo(0, within(0.003));
    assertThat(Math.sqrt(f1Sq)).as("RMS F1 error").isLessThan(0.015);
    assertThat(Math.sqrt(aucSq)).as("RMS AUC error").isLessThan(0.015);
  }

  /**
   * Given a model whose scores are p^2 (monotone, so it ranks as well as p, but too low), over 20
   * seeds of a 10,000-row labelled reference half and a 10,000-row unlabelled half at threshold 0.25
   * (p &gt;= 0.5): with a calibrator fitted on the reference half, each seed's accuracy is within 0.02
   * of the realised one (measured at most 0.010), F1 within 0.04 (0.021) and ROC AUC within 0.03
   * (0.016), and the mean F1 error over seeds within 0.01 (measured 0.003); taking the scores at face value misses
   * accuracy by more than 0.10 (measured at least 0.12) and ROC AUC by more than 0.05 (at least
   * 0.066) on every seed, and F1 by more than 0.02 on average (measured 0.033).
   */
  @Test
  void miscalibratedModel_isEstimatedWellOnlyAfterCalibration() {
    int seeds = 20;
    int n = 10_000;
    double threshold = 0.25;
    double calibratedF1Bias = 0;
    double rawF1Bias = 0;
    for (int seed = 0; seed < seeds; seed++) {
      // given
      SplittableRandom rng = new SplittableRandom(seed);
      double[] refScores = new double[n];
      boolean[] refLabels = new boolean[n];
      double[] scores = new double[n];
      boolean[] labels = new boolean[n];
      for (int i = 0; i < n; i++) {
        double p = beta25(rng);
        refScores[i] = p * p;
        refLabels[i] = rng.nextDouble() < p;
        p = beta25(rng);
        scores[i] = p * p;
        labels[i] = rng.nextDouble() < p;
      }
      double[] r = realised(scores, labels, threshold);

      // when
      PerformanceEstimate calibrated = Cbpe.of(IsotonicCalibrator.fit(refScores, refLabels), threshold)
          .estimate(scores);
      PerformanceEstimate raw = Cbpe.of(IsotonicCalibrator.identity(), threshold).estimate(scores);

      // then
      assertThat(calibrated.accuracy()).as("seed %d calibrated accuracy", seed).isCloseTo(r[0], within(0.02));
      assertThat(calibrated.f1()).as("seed %d calibrated F1", seed).isCloseTo(r[1], within(0.04));
      assertThat(calibrated.rocAuc()).as("seed %d calibrated AUC", seed).isCloseTo(r[2], within(0.03));
      assertThat(Math.abs(raw.accuracy() - r[0])).as("seed %d uncalibrated accuracy error", seed).isGreaterThan(0.10);
      assertThat(Math.abs(raw.rocAuc() - r[2])).as("seed %d uncalibrated AUC error", seed).isGreaterThan(0.05);
      calibratedF1Bias += (calibrated.f1() - r[1]) / seeds;
      rawF1Bias += (raw.f1() - r[1]) / seeds;
    }
    assertThat(calibratedF1Bias).as("mean calibrated F1 error").isCloseTo(0, within(0.01));
    assertThat(rawF1Bias).as("mean uncalibrated F1 error").isGreaterThan(0.02);
  }

  @Test
  void merge_equalsOneAccumulatorOverAllRows_exactlyOnDyadicProbabilities() {
    // given probabilities k / 1024, whose sums, products and squares are exact in double
    Cbpe cbpe = Cbpe.of(IsotonicCalibrator.identity(), 0.5);
    SplittableRandom rng = new SplittableRandom(3);
    Cbpe.Accumulator all = cbpe.accumulator();
    Cbpe.Accumulator left = cbpe.accumulator();
    Cbpe.Accumulator right = cbpe.accumulator();
    for (int i = 0; i < 20_000; i++) {
      double p = rng.nextInt(1025) / 1024.0;
      all.add(p);
      (rng.nextBoolean() ? left : right).add(p);
    }

    // when
    Cbpe.Accumulator merged = left.merge(right);

    // then
    assertThat(merged).isSameAs(left);
    assertThat(merged.count()).isEqualTo(all.count()).isEqualTo(20_000);
    assertThat(merged.estimate()).isEqualTo(all.estimate());
    assertThat(right.count()).as("the merged-in accumulator is unchanged").isLessThan(20_000);
  }

  @Test
  void merge_equalsOneAccumulatorOverAllRows_withinRoundingOnCalibratedLogits() {
    // given
    SplittableRandom rng = new SplittableRandom(5);
    double[] ref = new double[2000];
    boolean[] refLabels = new boolean[2000];
    for (int i = 0; i < ref.length; i++) {
      ref[i] = rng.nextGaussian() * 2;
      refLabels[i] = rng.nextDouble() < 1 / (1 + Math.exp(-ref[i]));
    }
    Cbpe cbpe = Cbpe.of(IsotonicCalibrator.fit(ref, refLabels), 0.0);
    Cbpe.Accumulator all = cbpe.accumulator();
    Cbpe.Accumulator[] parts = {cbpe.accumulator(), cbpe.accumulator(), cbpe.accumulator()};
    for (int i = 0; i < 30_000; i++) {
      double s = rng.nextGaussian() * 2.5;
      all.add(s);
      parts[rng.nextInt(3)].add(s);
    }

    // when: a different grouping, through an equal (not the same) Cbpe
    Cbpe.Accumulator merged = Cbpe.of(cbpe.calibrator(), 0.0).accumulator().merge(parts[2]).merge(parts[0]).merge(parts[1]);

    // then
    PerformanceEstimate a = all.estimate();
    PerformanceEstimate m = merged.estimate();
    assertThat(merged.count()).isEqualTo(all.count());
    assertThat(m.rows()).isEqualTo(a.rows());
    ConfusionEstimate mc = m.confusion();
    ConfusionEstimate ac = a.confusion();
    double[] x = {mc.truePositives(), mc.falsePositives(), mc.falseNegatives(), mc.trueNegatives(), m.accuracy(),
        m.accuracyStandardError(), m.precision(), m.recall(), m.specificity(), m.f1(), m.rocAuc()};
    double[] y = {ac.truePositives(), ac.falsePositives(), ac.falseNegatives(), ac.trueNegatives(), a.accuracy(),
        a.accuracyStandardError(), a.precision(), a.recall(), a.specificity(), a.f1(), a.rocAuc()};
    for (int i = 0; i < x.length; i++) {
      assertThat(x[i]).as("component %d", i).isCloseTo(y[i], within(1e-9 * Math.abs(y[i])));
    }
  }

  @Test
  void merge_rejectsAnAccumulatorOfAnotherThresholdOrCalibrator() {
    Cbpe.Accumulator a = Cbpe.of(IsotonicCalibrator.identity(), 0.5).accumulator();
    Cbpe.Accumulator otherThreshold = Cbpe.of(IsotonicCalibrator.identity(), 0.6).accumulator();
    Cbpe.Accumulator otherCalibrator =
        Cbpe.of(IsotonicCalibrator.fit(new double[] {0, 1}, new boolean[] {false, true}), 0.5).accumulator();

    assertThatThrownBy(() -> a.merge(otherThreshold)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("threshold=0.6").hasMessageContaining("threshold=0.5");
    assertThatThrownBy(() -> a.merge(otherCalibrator)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot merge");
    assertThatNullPointerException().isThrownBy(() -> a.merge(null)).withMessage("other");
  }

  @Test
  void merge_rejectsAnotherEstimatorsAccumulator() {
    Cbpe.Accumulator a = Cbpe.of(IsotonicCalibrator.identity(), 0.5).accumulator();
    PerformanceEstimator.Accumulator foreign = new PerformanceEstimator.Accumulator() {
      @Override
      public void add(double rawScore) {}

      @Override
      public PerformanceEstimator.Accumulator merge(PerformanceEstimator.Accumulator other) {
        return this;
      }

      @Override
      public long count() {
        return 1;
      }

      @Override
      public PerformanceEstimate estimate() {
        return a.estimate();
      }

      @Override
      public String toString() {
        return "a foreign accumulator";
      }
    };

    assertThatThrownBy(() -> a.merge(foreign)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cannot merge a foreign accumulator into an accumulator of Cbpe[threshold=0.5");
    assertThat(a.count()).isZero();
  }

  @Test
  void cbpe_isAPerformanceEstimatorWhoseThresholdIsTheDecisionThreshold() {
    PerformanceEstimator estimator = Cbpe.of(IsotonicCalibrator.identity(), 0.3);
    PerformanceEstimator.Accumulator acc = estimator.accumulator();
    acc.add(0.4);

    assertThat(estimator.threshold()).isEqualTo(0.3);
    assertThat(acc.estimate()).isEqualTo(estimator.estimate(new double[] {0.4}));
    assertThat(acc.estimate().confusion()).isEqualTo(new ConfusionEstimate(0.4, 0.6, 0, 0));
  }

  /**
   * Isotonic flat runs give many distinct raw scores one probability; the AUC accumulated over p
   * still equals the exact pairwise sum over the raw-score order (computed here in O(n^2)).
   */
  @Test
  void rocAuc_overIsotonicFlatRuns_matchesExactPairwiseSumOnRawScores() {
    // given
    SplittableRandom rng = new SplittableRandom(11);
    double[] ref = new double[300];
    boolean[] refLabels = new boolean[300];
    for (int i = 0; i < ref.length; i++) {
      ref[i] = rng.nextDouble();
      refLabels[i] = rng.nextDouble() < 0.2 + 0.6 * ref[i];
    }
    IsotonicCalibrator calibrator = IsotonicCalibrator.fit(ref, refLabels);
    double[] s = new double[1500];
    for (int i = 0; i < s.length; i++) {
      s[i] = Math.round(rng.nextDouble() * 1.2 * 200) / 200.0 - 0.1; // ties, and scores outside the fitted range
    }

    // when
    PerformanceEstimate e = Cbpe.of(calibrator, 0.5).estimate(s);

    // then
    double num = 0;
    double den = 0;
    for (int i = 0; i < s.length; i++) {
      double pi = calibrator.apply(s[i]);
      for (int j = 0; j < s.length; j++) {
        if (i != j) {
          double w = pi * (1 - calibrator.apply(s[j]));
          den += w;
          num += w * (s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0);
        }
      }
    }
    double exact = num / den;
    assertThat(calibrator.fittedScores().length).as("flat runs").isLessThan(60);
    assertThat(e.rocAucErrorBound()).isBetween(0.0, 1e-5);
    assertThat(e.rocAuc()).isBetween(exact - e.rocAucErrorBound() - 1e-12, exact + 1e-12);
  }

  @Test
  void estimate_undefinedMetricsAreNaN() {
    // no rows at all
    PerformanceEstimate empty = Cbpe.of(IsotonicCalibrator.identity(), 0.5).accumulator().estimate();
    assertThat(empty.rows()).isZero();
    assertThat(empty.confusion().truePositives()).isZero();
    assertThat(new double[] {empty.accuracy(), empty.accuracyStandardError(), empty.accuracyLower(),
        empty.accuracyUpper(), empty.precision(), empty.recall(), empty.specificity(), empty.f1(), empty.rocAuc(),
        empty.rocAucErrorBound()}).containsOnly(Double.NaN);

    // every p = 0 and nothing predicted positive: precision, recall, F1, AUC undefined
    PerformanceEstimate zeros = Cbpe.of(IsotonicCalibrator.identity(), 0.5).estimate(new double[] {0, 0, 0});
    assertThat(zeros.accuracy()).isEqualTo(1.0);
    assertThat(zeros.accuracyStandardError()).isZero();
    assertThat(zeros.specificity()).isEqualTo(1.0);
    assertThat(new double[] {zeros.precision(), zeros.recall(), zeros.f1(), zeros.rocAuc()}).containsOnly(Double.NaN);

    // every p = 1: specificity and AUC undefined
    PerformanceEstimate ones = Cbpe.of(IsotonicCalibrator.identity(), 0.5).estimate(new double[] {1, 1});
    assertThat(ones.precision()).isEqualTo(1.0);
    assertThat(ones.specificity()).isNaN();
    assertThat(ones.rocAuc()).isNaN();

    // a single row: no pairs for the AUC
    assertThat(Cbpe.of(IsotonicCalibrator.identity(), 0.5).estimate(new double[] {0.3}).rocAuc()).isNaN();
  }

  @Test
  void estimate_predictsPositiveOnTheRawScoreAtOrAboveTheThreshold() {
    // given a calibrator mapping raw score 2 to 1/2: the decision uses the raw score, not p
    IsotonicCalibrator calibrator = IsotonicCalibrator.fit(new double[] {0, 2, 2, 4}, new boolean[] {false, false, true, true});
    assertThat(calibrator.apply(2)).isEqualTo(0.5);

    PerformanceEstimate e = Cbpe.of(calibrator, 2.0).estimate(new double[] {2.0, 1.0, 3.0});

    // p = 0.5 (positive), 0.25 (negative), 0.75 (positive)
    assertThat(e.confusion().truePositives()).isEqualTo(1.25);
    assertThat(e.confusion().falsePositives()).isEqualTo(0.75);
    assertThat(e.confusion().falseNegatives()).isEqualTo(0.25);
    assertThat(e.confusion().trueNegatives()).isEqualTo(0.75);
    assertThat(e.accuracy()).isEqualTo(2.0 / 3);
    assertThat(e.accuracyStandardError()).isCloseTo(Math.sqrt(0.25 + 0.1875 + 0.1875) / 3, within(1e-15));
  }

  @Test
  void validation_namesTheOffendingValue() {
    Cbpe cbpe = Cbpe.of(IsotonicCalibrator.fit(new double[] {-3, 5}, new boolean[] {false, true}), -1.5);
    Cbpe.Accumulator acc = cbpe.accumulator();

    assertThatThrownBy(() -> acc.add(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rawScore is NaN");
    assertThatThrownBy(() -> acc.add(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rawScore is Infinity");
    assertThat(acc.count()).as("failed adds change nothing").isZero();
    assertThatThrownBy(() -> cbpe.estimate(new double[] {0.1, 0.2, Double.NaN})).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rawScores[2]").hasMessageContaining("NaN");
    assertThatThrownBy(() -> cbpe.estimate(new double[0])).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
    assertThatNullPointerException().isThrownBy(() -> cbpe.estimate(null)).withMessage("rawScores");
    assertThatThrownBy(() -> Cbpe.of(IsotonicCalibrator.identity(), 0.3).estimate(new double[] {0.2, 1.5}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rawScores[1]").hasMessageContaining("[0, 1]");

    // thresholds are raw scores: any finite value, not only [0, 1]
    assertThat(Cbpe.of(IsotonicCalibrator.identity(), -7.5).threshold()).isEqualTo(-7.5);
    assertThat(Cbpe.of(IsotonicCalibrator.identity(), 12.0).estimate(new double[] {1.0}).precision()).isNaN();
    assertThatThrownBy(() -> Cbpe.of(IsotonicCalibrator.identity(), Double.NaN))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threshold").hasMessageContaining("NaN");
    assertThatThrownBy(() -> Cbpe.of(IsotonicCalibrator.identity(), Double.NEGATIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-Infinity");
    assertThatNullPointerException().isThrownBy(() -> Cbpe.of(null, 0.5)).withMessage("calibrator");
  }

  @Test
  void performanceEstimate_rejectsImpossibleValues() {
    assertThatThrownBy(() -> new PerformanceEstimate(-1, 0.5, new ConfusionEstimate(0, 0, 0, 0), 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rows must be >= 0, was -1");
    assertThatThrownBy(() -> new PerformanceEstimate(1, 0.5, new ConfusionEstimate(-0.5, 0, 0, 0), 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truePositives").hasMessageContaining("-0.5");
    assertThatThrownBy(() -> new PerformanceEstimate(1, Double.NaN, new ConfusionEstimate(0, 0, 0, 1), 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threshold");
  }

  @Test
  void publicMethods_rejectNullsWithNullPointerException() {
    NullPointerTester tester = new NullPointerTester().setDefault(IsotonicCalibrator.class, IsotonicCalibrator.identity());
    tester.testAllPublicStaticMethods(IsotonicCalibrator.class);
    tester.testAllPublicStaticMethods(Cbpe.class);
    Cbpe cbpe = Cbpe.of(IsotonicCalibrator.identity(), 0.5);
    tester.testAllPublicInstanceMethods(cbpe);
    tester.testAllPublicInstanceMethods(cbpe.accumulator());
    tester.testAllPublicInstanceMethods(IsotonicCalibrator.identity());
  }
}
