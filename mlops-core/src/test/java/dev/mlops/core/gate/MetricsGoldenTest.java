package dev.mlops.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlops.api.gate.ClassificationPredictions;
import dev.mlops.api.gate.Metric;
import dev.mlops.api.gate.RegressionPredictions;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every metric against scikit-learn 1.2.1 on committed fixtures ({@code golden/make_metrics_golden.py}):
 * tied scores, a class never predicted, extreme (0/1) probabilities, near-zero and constant
 * regression targets; to 1e-9 relative (1e-12 absolute near 0).
 */
class MetricsGoldenTest {

  private static JsonNode golden() throws Exception {
    try (InputStream in = MetricsGoldenTest.class.getResourceAsStream("/golden/metrics-golden.json")) {
      return new ObjectMapper().readTree(in);
    }
  }

  static Stream<Arguments> classification() throws Exception {
    return golden().get("classification").properties().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  static Stream<Arguments> regression() throws Exception {
    return golden().get("regression").properties().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  private static void close(String what, double actual, double expected) {
    assertThat(actual).as(what).isCloseTo(expected, within(Math.max(1e-12, Math.abs(expected) * 1e-9)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("classification")
  void classificationMetricsMatchScikitLearn(String name, JsonNode g) {
    int k = g.get("probabilities").get(0).size();
    List<String> classes = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      classes.add("c" + c);
    }
    int n = g.get("truth").size();
    String[] truth = new String[n];
    String[] predicted = new String[n];
    double[][] probabilities = new double[n][k];
    for (int i = 0; i < n; i++) {
      truth[i] = "c" + g.get("truth").get(i).asInt();
      predicted[i] = "c" + g.get("predicted").get(i).asInt();
      for (int c = 0; c < k; c++) {
        probabilities[i][c] = g.get("probabilities").get(i).get(c).asDouble();
      }
    }
    ClassificationPredictions p = ClassificationPredictions.of(classes, truth, predicted, probabilities);

    for (Metric m : Metric.values()) {
      if (m.forClassification() && g.has(m.name())) {
        close(name + " " + m, Metrics.compute(m, p), g.get(m.name()).asDouble());
      }
    }
    long[][] confusion = Metrics.confusionMatrix(p);
    for (int t = 0; t < k; t++) {
      for (int c = 0; c < k; c++) {
        assertThat(confusion[t][c]).as("%s confusion[%d][%d]", name, t, c).isEqualTo(g.get("confusion").get(t).get(c).asLong());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("regression")
  void regressionMetricsMatchScikitLearn(String name, JsonNode g) {
    int n = g.get("truth").size();
    double[] t = new double[n];
    double[] f = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = g.get("truth").get(i).asDouble();
      f[i] = g.get("predicted").get(i).asDouble();
    }
    RegressionPredictions p = RegressionPredictions.of(t, f);

    for (Metric m : new Metric[] {Metric.RMSE, Metric.MAE, Metric.R2, Metric.MAPE}) {
      close(name + " " + m, Metrics.compute(m, p), g.get(m.name()).asDouble());
    }
  }
}
