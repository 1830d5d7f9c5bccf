package dev.mlops.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.api.common.Correction;
import dev.mlops.api.gate.ClassificationPredictions;
import dev.mlops.api.gate.Criterion;
import dev.mlops.api.gate.CriterionResult;
import dev.mlops.api.gate.Metric;
import dev.mlops.api.gate.RegressionPredictions;
import dev.mlops.api.gate.Verdict;
import dev.mlops.api.common.Severity;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SliceGapTest {

  /** 9 rows: region A 4/4 right, region B 2/4 right, region C 1 row, wrong. Overall 6/9. */
  private static ClassificationPredictions predictions() {
    String[] truth = {"y", "y", "n", "n", "y", "y", "n", "n", "y"};
    String[] pred = {"y", "y", "n", "n", "y", "n", "y", "n", "n"};
    String[] region = {"A", "A", "A", "A", "B", "B", "B", "B", "C"};
    return ClassificationPredictions.of(List.of("n", "y"), truth, pred).withAttribute("region", region);
  }

  private static CriterionResult evaluate(double maxGap, int minSize) {
    return QualityGate.builder().sliceGap("regions", Metric.ACCURACY, "region", c -> c.maxGap(maxGap).minSliceSize(minSize))
        .build().evaluate(predictions()).criteria().get(0);
  }

  @Test
  void sliceWorseThanOverallByMoreThanTheGapFailsAndSmallSlicesAreNotJudged() {
    // overall 6/9 = 0.6667; B = 0.5, gap 0.1667; C has 1 row
    CriterionResult r = evaluate(0.1, 2);

    assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(r.reason()).contains("B: 0.500000 (gap 0.166667)").contains("not judged: [C (1)]");
  }

  @Test
  void gapWithinToleranceAndItsBoundaryPass() {
    assertThat(evaluate(0.2, 2).verdict()).isEqualTo(Verdict.PASS);
    assertThat(evaluate(1.0 / 6 + 1e-12, 2).verdict()).isEqualTo(Verdict.PASS);
  }

  @Test
  void noSliceLargeEnoughIsInconclusive() {
    assertThat(evaluate(0.1, 100).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
  }

  /** 3 regions of 200 rows; region C is right 60% of the time, A and B 90%. */
  private static ClassificationPredictions regions(double accuracyC) {
    SplittableRandom r = new SplittableRandom(3);
    int n = 600;
    String[] truth = new String[n];
    String[] pred = new String[n];
    String[] region = new String[n];
    for (int i = 0; i < n; i++) {
      region[i] = i < 200 ? "A" : i < 400 ? "B" : "C";
      truth[i] = r.nextBoolean() ? "y" : "n";
      double acc = region[i].equals("C") ? accuracyC : 0.9;
      pred[i] = r.nextDouble() < acc ? truth[i] : (truth[i].equals("y") ? "n" : "y");
    }
    return ClassificationPredictions.of(List.of("n", "y"), truth, pred).withAttribute("region", region);
  }

  private static CriterionResult tested(ClassificationPredictions p, Correction correction, double maxGap) {
    return QualityGate.builder().sliceGap("regions", Metric.ACCURACY, "region",
        c -> c.maxGap(maxGap).minSliceSize(50).tested(correction, 0.95)).build().evaluate(p).criteria().get(0);
  }

  @Test
  void testedSlicesFailOnlyWithCorrectedEvidence() {
    CriterionResult clear = tested(regions(0.6), Correction.HOLM, 0.05);
    CriterionResult slight = tested(regions(0.76), Correction.BENJAMINI_HOCHBERG, 0.05);

    assertThat(clear.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(clear.measurement().pValue().getAsDouble()).isLessThan(0.05);
    assertThat(clear.reason()).contains("C: ").contains("adjusted p");
    assertThat(slight.verdict()).as(slight.reason()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(slight.reason()).startsWith("slices past the gap without significant evidence (BENJAMINI_HOCHBERG)");
    assertThat(tested(regions(0.9), Correction.BONFERRONI, 0.05).verdict()).isEqualTo(Verdict.PASS);
  }

  @Test
  void regressionSlicesUseTheMetricsDirection() {
    double[] truth = {1, 2, 3, 4, 1, 2, 3, 4};
    double[] pred = {1.1, 2.1, 2.9, 4.0, 2, 3, 4, 5};
    String[] segment = {"a", "a", "a", "a", "b", "b", "b", "b"};
    RegressionPredictions p = RegressionPredictions.of(truth, pred)
        .withAttribute("segment", segment).withSource("test model");
    QualityGate gate = QualityGate.builder()
        .sliceGap("segments", Metric.MAE, "segment", c -> c.maxGap(0.3).minSliceSize(2)).build();

    CriterionResult r = gate.evaluate(p).criteria().get(0);

    // overall MAE 0.5375; segment b MAE 1.0 is 0.4625 worse
    assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(r.reason()).contains("b: 1.00000 (gap 0.462500)");
    assertThat(p.select(new int[] {4}).source()).isEqualTo("test model");
  }

  @Test
  void testedSlicesSupportAccuracyOnly() {
    assertThatThrownBy(() -> new Criterion.SliceGap("s", Metric.ROC_AUC, new Criterion.SliceGap.Slicing("region", 10), 0.1,
        Optional.of(new Criterion.SliceGap.SliceTest(Correction.HOLM, 0.95)), Severity.ERROR))
        .hasMessageContaining("slice tests with a correction support ACCURACY, not ROC_AUC");
    assertThatThrownBy(() -> Criterion.SliceGap.builder("s", Metric.ROC_AUC, "region").tested(Correction.HOLM, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("criterion 's': slice tests with a correction support ACCURACY, not ROC_AUC; leave the test out"
            + " for a plain gap");
  }

  @Test
  void attributesFollowSelectionsAndAreValidated() {
    ClassificationPredictions p = predictions();

    assertThat(p.select(new int[] {8, 0}).attribute("region")).containsExactly("C", "A");
    assertThatThrownBy(() -> p.attribute("device")).hasMessage("no attribute 'device'; attributes are [region]");
    assertThatThrownBy(() -> p.withAttribute("x", new String[] {"a"}))
        .hasMessage("attribute 'x' has 1 values for 9 rows");
  }
}
