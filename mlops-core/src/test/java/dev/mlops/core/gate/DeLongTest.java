package dev.mlops.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlops.api.gate.ClassificationPredictions;
import dev.mlops.api.gate.Criterion;
import dev.mlops.api.gate.CriterionResult;
import dev.mlops.api.gate.Metric;
import dev.mlops.api.gate.Verdict;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * DeLong's test against the definition computed pairwise with numpy/scipy
 * ({@code golden/make_delong_golden.py}): AUCs and z to 1e-9 relative, p-values to 1e-9 absolute.
 */
class DeLongTest {

  private static JsonNode golden() throws Exception {
    try (InputStream in = DeLongTest.class.getResourceAsStream("/golden/delong-golden.json")) {
      return new ObjectMapper().readTree(in);
    }
  }

  private static double[] doubles(JsonNode a) {
    double[] out = new double[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i).asDouble();
    }
    return out;
  }

  @Test
  void matchesThePairwiseDefinition() throws Exception {
    for (var e : golden().properties()) {
      JsonNode g = e.getValue();
      double[] a = doubles(g.get("candidate"));
      double[] b = doubles(g.get("baseline"));
      boolean[] positive = new boolean[a.length];
      for (int i = 0; i < a.length; i++) {
        positive[i] = g.get("truth").get(i).asInt() == 1;
      }

      DeLong.Result r = DeLong.test(positive, a, b);

      String name = e.getKey();
      assertThat(r.aucA()).as(name).isCloseTo(g.get("aucCandidate").asDouble(), within(1e-12));
      assertThat(r.aucB()).as(name).isCloseTo(g.get("aucBaseline").asDouble(), within(1e-12));
      assertThat(r.z()).as(name).isCloseTo(g.get("z").asDouble(), within(Math.abs(g.get("z").asDouble()) * 1e-9));
      assertThat(r.pValue()).as(name).isCloseTo(g.get("p").asDouble(), within(1e-9));
    }
  }

  @Test
  void gateCriterionPassesASignificantlyBetterAucAndIsInconclusiveOnACloseOne() throws Exception {
    JsonNode better = golden().get("better");
    JsonNode close = golden().get("close");
    Criterion.SupportedChange delong = Criterion.SupportedChange.builder("auc better", Metric.ROC_AUC)
        .deLong().confidence(0.95).minSamples(10).build();

    CriterionResult pass = QualityGate.builder().add(delong).build()
        .evaluate(predictions(better, "candidate"), predictions(better, "baseline")).criteria().get(0);
    CriterionResult reverse = QualityGate.builder().add(delong).build()
        .evaluate(predictions(better, "baseline"), predictions(better, "candidate")).criteria().get(0);
    CriterionResult undecided = QualityGate.builder().add(delong).build()
        .evaluate(predictions(close, "candidate"), predictions(close, "baseline")).criteria().get(0);

    assertThat(pass.verdict()).isEqualTo(Verdict.PASS);
    assertThat(pass.measurement().pValue().getAsDouble()).isCloseTo(better.get("p").asDouble(), within(1e-9));
    assertThat(reverse.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(undecided.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
  }

  /** Scores mapped into probabilities by a monotone logistic function (AUC is rank-based). */
  private static ClassificationPredictions predictions(JsonNode g, String model) {
    int n = g.get("truth").size();
    String[] truth = new String[n];
    String[] predicted = new String[n];
    double[][] p = new double[n][2];
    for (int i = 0; i < n; i++) {
      truth[i] = g.get("truth").get(i).asInt() == 1 ? "yes" : "no";
      double s = 1 / (1 + Math.exp(-g.get(model).get(i).asDouble()));
      p[i][0] = 1 - s;
      p[i][1] = s;
      predicted[i] = s >= 0.5 ? "yes" : "no";
    }
    return ClassificationPredictions.of(List.of("no", "yes"), truth, predicted, p);
  }
}
