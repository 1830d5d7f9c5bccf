package dev.mlops.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.api.gate.ClassificationPredictions;
import dev.mlops.api.gate.Criterion;
import dev.mlops.api.gate.CriterionResult;
import dev.mlops.api.gate.Metric;
import dev.mlops.api.gate.Verdict;
import dev.mlops.api.schema.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class SliceGapTest {

  /** 9 rows: region A 4/4 right, region B 2/4 right, region C 1 row, wrong. Overall 6/9. */
  private static ClassificationPredictions predictions() {
    String[] truth = {"y", "y", "n", "n", "y", "y", "n", "n", "y"};
    String[] pred = {"y", "y", "n", "n", "y", "n", "y", "n", "n"};
    String[] region = {"A", "A", "A", "A", "B", "B", "B", "B", "C"};
    return ClassificationPredictions.of(List.of("n", "y"), truth, pred, null).withAttribute("region", region);
  }

  private static CriterionResult evaluate(double maxGap, int minSize) {
    return QualityGate.builder().add(new Criterion.SliceGap("regions", Metric.ACCURACY, "region", minSize, maxGap,
        Severity.ERROR)).build().evaluate(predictions(), null).criteria().get(0);
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

  @Test
  void attributesFollowSelectionsAndAreValidated() {
    ClassificationPredictions p = predictions();

    assertThat(p.select(new int[] {8, 0}).attribute("region")).containsExactly("C", "A");
    assertThatThrownBy(() -> p.attribute("device")).hasMessage("no attribute 'device'; attributes are [region]");
    assertThatThrownBy(() -> p.withAttribute("x", new String[] {"a"}))
        .hasMessage("attribute 'x' has 1 values for 9 rows");
  }
}
