package dev.mlops.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.api.gate.ClassificationPredictions;
import dev.mlops.api.gate.Criterion;
import dev.mlops.api.gate.CriterionResult;
import dev.mlops.api.gate.GateResult;
import dev.mlops.api.gate.Metric;
import dev.mlops.api.gate.RegressionPredictions;
import dev.mlops.api.gate.Verdict;
import dev.mlops.api.common.Severity;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SupportedChangeTest {
  private static final List<String> CLASSES = List.of("no", "yes");

  /** n rows; the candidate is right with probability pc, the baseline with pb, independently. */
  private static ClassificationPredictions[] pair(int n, double pc, double pb, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    String[] truth = new String[n];
    String[] cand = new String[n];
    String[] base = new String[n];
    for (int i = 0; i < n; i++) {
      truth[i] = r.nextBoolean() ? "yes" : "no";
      String wrong = truth[i].equals("yes") ? "no" : "yes";
      cand[i] = r.nextDouble() < pc ? truth[i] : wrong;
      base[i] = r.nextDouble() < pb ? truth[i] : wrong;
    }
    return new ClassificationPredictions[] {ClassificationPredictions.of(CLASSES, truth, cand),
        ClassificationPredictions.of(CLASSES, truth, base)};
  }

  private static Criterion.SupportedChange bootstrap(double margin, int minSamples) {
    return Criterion.SupportedChange.builder("supported", Metric.ACCURACY)
        .pairedBootstrap(400, 7).margin(margin).confidence(0.95).minSamples(minSamples).build();
  }

  private static CriterionResult evaluate(Criterion c, ClassificationPredictions[] p) {
    GateResult r = QualityGate.builder().add(c).build().evaluate(p[0], p[1]);
    return r.criteria().get(0);
  }

  @Test
  void mcNemarMatchesScipyBinomtest() {
    // /usr/bin/python3: scipy.stats.binomtest(min(b, c), b + c, 0.5).pvalue; mid-p subtracts binom.pmf(min, n, .5)
    long[][] cases = {{10, 2}, {3, 9}, {5, 5}, {0, 7}, {40, 25}, {1, 0}};
    double[][] expected = {{0.03857421875, 0.022460937499999976}, {0.14599609375, 0.09228515624999999},
        {1.0, 0.75390625}, {0.015625, 0.0078125}, {0.08168153394154003, 0.06401750413722561}, {1.0, 0.5}};
    for (int i = 0; i < cases.length; i++) {
      assertThat(McNemar.pValue(cases[i][0], cases[i][1], false)).isCloseTo(expected[i][0], within(1e-12));
      assertThat(McNemar.pValue(cases[i][0], cases[i][1], true)).isCloseTo(expected[i][1], within(1e-12));
    }
  }

  @Test
  void bootstrapPassesAClearImprovementFailsAClearRegressionAndCannotDecideANoisyTie() {
    assertThat(evaluate(bootstrap(0, 10), pair(2000, 0.85, 0.70, 1)).verdict()).isEqualTo(Verdict.PASS);
    assertThat(evaluate(bootstrap(0, 10), pair(2000, 0.70, 0.85, 2)).verdict()).isEqualTo(Verdict.FAIL);
    CriterionResult tie = evaluate(bootstrap(0, 10), pair(300, 0.80, 0.80, 3));
    assertThat(tie.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(tie.measurement().interval().orElseThrow().lower()).isNegative();
    assertThat(tie.measurement().interval().orElseThrow().upper()).isGreaterThanOrEqualTo(0.0);
    assertThat(tie.reason()).contains("straddles");
  }

  @Test
  void marginToleratesASmallRegressionAndTheBoundaryIsInclusive() {
    ClassificationPredictions[] same = pair(500, 0.8, 0.8, 4);
    ClassificationPredictions[] identical = {same[0], same[0]};

    assertThat(evaluate(bootstrap(0, 10), identical).verdict()).as("interval [0, 0] at 0").isEqualTo(Verdict.PASS);
    assertThat(evaluate(bootstrap(0.2, 10), pair(2000, 0.80, 0.82, 5)).verdict()).isEqualTo(Verdict.PASS);
  }

  @Test
  void bootstrapIsSeededAndReproducible() {
    ClassificationPredictions[] p = pair(400, 0.8, 0.78, 6);

    CriterionResult a = evaluate(bootstrap(0, 10), p);
    CriterionResult b = evaluate(bootstrap(0, 10), p);

    assertThat(a).isEqualTo(b);
  }

  @Test
  void tooSmallASampleIsInconclusive() {
    CriterionResult small = evaluate(bootstrap(0, 1000), pair(50, 0.9, 0.5, 7));
    CriterionResult mcnemar = evaluate(Criterion.SupportedChange.builder("m", Metric.ACCURACY)
        .mcNemar().confidence(0.95).minSamples(30).build(), pair(20, 0.9, 0.5, 8));

    assertThat(small.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(small.reason()).isEqualTo("50 rows; 1000 needed to decide");
    assertThat(mcnemar.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(mcnemar.reason()).endsWith("30 needed to decide");
  }

  @Test
  void mcNemarPassesSignificantImprovementsAndFailsSignificantRegressions() {
    Criterion.SupportedChange exact = Criterion.SupportedChange.builder("m", Metric.ACCURACY)
        .mcNemar().confidence(0.95).minSamples(10).build();

    CriterionResult better = evaluate(exact, pair(1000, 0.85, 0.75, 9));
    CriterionResult worse = evaluate(exact, pair(1000, 0.75, 0.85, 10));
    CriterionResult same = evaluate(exact, pair(200, 0.8, 0.8, 11));

    assertThat(better.verdict()).isEqualTo(Verdict.PASS);
    assertThat(better.measurement().pValue().getAsDouble()).isLessThan(0.05);
    assertThat(worse.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(same.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
  }

  @Test
  void bootstrapWorksForRegressionMetricsInTheirDirection() {
    SplittableRandom r = new SplittableRandom(12);
    double[] t = new double[500];
    double[] good = new double[500];
    double[] bad = new double[500];
    for (int i = 0; i < t.length; i++) {
      t[i] = r.nextGaussian();
      good[i] = t[i] + 0.1 * r.nextGaussian();
      bad[i] = t[i] + 0.5 * r.nextGaussian();
    }
    Criterion.SupportedChange rmse = Criterion.SupportedChange.builder("rmse", Metric.RMSE)
        .pairedBootstrap(200, 3).margin(0).confidence(0.95).minSamples(10).build();
    QualityGate gate = QualityGate.builder().add(rmse).build();

    assertThat(gate.evaluate(RegressionPredictions.of(t, good), RegressionPredictions.of(t, bad)).verdict())
        .isEqualTo(Verdict.PASS);
    assertThat(gate.evaluate(RegressionPredictions.of(t, bad), RegressionPredictions.of(t, good)).verdict())
        .isEqualTo(Verdict.FAIL);
  }

  @Test
  void weightedAucEqualsTheAucOfTheMaterialisedResample() {
    SplittableRandom r = new SplittableRandom(13);
    int n = 300;
    String[] truth = new String[n];
    double[][] prob = new double[n][2];
    boolean[] positive = new boolean[n];
    double[] scores = new double[n];
    for (int i = 0; i < n; i++) {
      positive[i] = r.nextBoolean();
      truth[i] = positive[i] ? "yes" : "no";
      scores[i] = Math.round((positive[i] ? 0.2 : 0) + r.nextDouble() * 0.8 * 10) / 10.0 / 1.2;
      prob[i][1] = scores[i];
      prob[i][0] = 1 - scores[i];
    }
    ClassificationPredictions p = ClassificationPredictions.of(CLASSES, truth, truth, prob);
    WeightedAuc weighted = new WeightedAuc(scores, positive);
    for (int rep = 0; rep < 20; rep++) {
      int[] weights = new int[n];
      int[] rows = new int[n];
      for (int i = 0; i < n; i++) {
        rows[i] = r.nextInt(n);
        weights[rows[i]]++;
      }
      assertThat(weighted.auc(weights)).isCloseTo(Metrics.compute(Metric.ROC_AUC, p.select(rows)), within(1e-12));
    }
  }

  @Test
  void aucBootstrapDecidesOnScores() {
    SplittableRandom r = new SplittableRandom(14);
    int n = 1000;
    String[] truth = new String[n];
    double[][] strong = new double[n][2];
    double[][] weak = new double[n][2];
    for (int i = 0; i < n; i++) {
      boolean pos = r.nextBoolean();
      truth[i] = pos ? "yes" : "no";
      double s = 1 / (1 + Math.exp(-((pos ? 1.5 : -1.5) + r.nextGaussian())));
      double w = 1 / (1 + Math.exp(-((pos ? 0.3 : -0.3) + r.nextGaussian())));
      strong[i] = new double[] {1 - s, s};
      weak[i] = new double[] {1 - w, w};
    }
    ClassificationPredictions a = ClassificationPredictions.of(CLASSES, truth, truth, strong);
    ClassificationPredictions b = ClassificationPredictions.of(CLASSES, truth, truth, weak);
    QualityGate gate = QualityGate.builder()
        .supportedChange("auc", Metric.ROC_AUC, c -> c.pairedBootstrap(1000, 5).margin(0).confidence(0.95).minSamples(10))
        .build();

    assertThat(gate.evaluate(a, b).verdict()).isEqualTo(Verdict.PASS);
    assertThat(gate.evaluate(b, a).verdict()).isEqualTo(Verdict.FAIL);
    assertThat(gate.evaluate(a, b)).isEqualTo(gate.evaluate(a, b));
  }

  @Test
  void mcNemarIsForAccuracyOnly() {
    assertThatThrownBy(() -> new Criterion.SupportedChange("m", Metric.ROC_AUC,
        Criterion.Evidence.SignificanceTest.MCNEMAR_EXACT, 0.95, 10, Severity.ERROR))
        .hasMessage("criterion 'm': MCNEMAR_EXACT tests accuracy, not ROC_AUC");
    assertThatThrownBy(() -> Criterion.SupportedChange.builder("m", Metric.ROC_AUC).mcNemar())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("criterion 'm': mcNemar() tests ACCURACY, not ROC_AUC");
  }
}
