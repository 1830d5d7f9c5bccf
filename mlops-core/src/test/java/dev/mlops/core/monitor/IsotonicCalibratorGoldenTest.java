package dev.mlops.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The calibrator against scikit-learn 1.2.1's {@code IsotonicRegression(increasing=True,
 * out_of_bounds="clip")} on committed fixtures ({@code golden/make_cbpe_golden.py}): tied scores,
 * already monotone and fully reversed labels, logits queried far outside the fitted range, two and
 * three rows, a single distinct score, and scores closer than 1e-15; fitted points and predictions
 * to 1e-12.
 */
class IsotonicCalibratorGoldenTest {
  private static final double TOLERANCE = 1e-12;

  static JsonNode golden() throws Exception {
    try (InputStream in = IsotonicCalibratorGoldenTest.class.getResourceAsStream("/golden/cbpe-golden.json")) {
      return new ObjectMapper().readTree(in);
    }
  }

  static double[] doubles(JsonNode array) {
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).isNull() ? Double.NaN : array.get(i).asDouble();
    }
    return out;
  }

  static boolean[] labels(JsonNode array) {
    boolean[] out = new boolean[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asInt() == 1;
    }
    return out;
  }

  static Stream<Arguments> cases() throws Exception {
    return golden().get("isotonic").properties().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void fit_matchesScikitLearn(String name, JsonNode g) {
    // given
    double[] scores = doubles(g.get("scores"));
    boolean[] labels = labels(g.get("labels"));

    // when
    IsotonicCalibrator calibrator = IsotonicCalibrator.fit(scores, labels);

    // then
    assertThat(calibrator.fittedScores()).as("%s X_thresholds_", name)
        .containsExactly(doubles(g.get("x")), within(TOLERANCE));
    assertThat(calibrator.fittedProbabilities()).as("%s y_thresholds_", name)
        .containsExactly(doubles(g.get("y")), within(TOLERANCE));
    double[] queries = doubles(g.get("queries"));
    double[] expected = doubles(g.get("expected"));
    for (int i = 0; i < queries.length; i++) {
      assertThat(calibrator.apply(queries[i])).as("%s predict(%s)", name, queries[i])
          .isCloseTo(expected[i], within(TOLERANCE));
    }
  }
}
