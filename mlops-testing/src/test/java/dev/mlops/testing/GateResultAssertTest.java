package dev.mlops.testing;

import static dev.mlops.testing.MlopsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.api.gate.ClassificationPredictions;
import dev.mlops.api.gate.GateResult;
import dev.mlops.api.gate.Metric;
import dev.mlops.api.gate.Verdict;
import dev.mlops.core.gate.QualityGate;
import java.util.List;
import org.junit.jupiter.api.Test;

class GateResultAssertTest {
  private final ClassificationPredictions p = ClassificationPredictions.of(List.of("a", "b"),
      new String[] {"a", "b", "b"}, new String[] {"a", "b", "a"});

  @Test
  void passingAndFailingGates() {
    GateResult pass = QualityGate.builder().atLeast("floor", Metric.ACCURACY, 0.6).build().evaluate(p);
    GateResult fail = QualityGate.builder().atLeast("floor", Metric.ACCURACY, 0.9).build().evaluate(p);

    assertThat(pass).passed().hasVerdict(Verdict.PASS);
    assertThatThrownBy(() -> assertThat(fail).passed())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected the quality gate to pass but it is FAIL")
        .hasMessageContaining("floor [ERROR] ACCURACY=0.666667: not ACCURACY >= 0.900000");
  }
}
