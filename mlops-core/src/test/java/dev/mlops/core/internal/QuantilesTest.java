package dev.mlops.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Quantile bounds use numpy's default quantile (linear interpolation); checked against
 * {@code numpy.quantile} on committed fixtures ({@code golden/make_quantile_golden.py}) to 1e-12
 * relative (absolute near zero), with ties, tiny samples and heavy tails.
 */
class QuantilesTest {

  @Test
  void matchesNumpyQuantile() throws Exception {
    JsonNode golden;
    try (InputStream in = getClass().getResourceAsStream("/golden/quantile-golden.json")) {
      golden = new ObjectMapper().readTree(in);
    }
    int checked = 0;
    for (var entry : golden.properties()) {
      JsonNode g = entry.getValue();
      double[] values = new double[g.get("values").size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = g.get("values").get(i).asDouble();
      }
      Arrays.sort(values);
      for (int k = 0; k < g.get("q").size(); k++) {
        double q = g.get("q").get(k).asDouble();
        double expected = g.get("quantiles").get(k).asDouble();
        assertThat(Quantiles.linear(values, q)).as("%s q=%s", entry.getKey(), q)
            .isCloseTo(expected, within(Math.max(1e-12, Math.abs(expected) * 1e-12)));
        checked++;
      }
    }
    assertThat(checked).isEqualTo(77);
  }

  @Test
  void noValuesHaveNoQuantile() {
    assertThat(Quantiles.linear(new double[0], 0.5)).isNaN();
  }
}
