package dev.mlops.core.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlops.core.internal.Kolmogorov;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Kolmogorov-Smirnov p-values in the far tail (issue 13, finding 7), against SciPy 1.17
 * ({@code golden/make_ks_tail_golden.py}): {@code kstwo.sf}, {@code kstwobign.sf} and
 * {@code ks_2samp} from p ~ 1 down to 1e-300. Tail values (p below 0.01) to 1e-9 relative; the body
 * of the distribution (one minus the CDF there, which loses nothing; Pelz and Good beyond n = 140, as before) to
 * 1e-5 relative.
 */
class KolmogorovTailTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static JsonNode golden;

  @BeforeAll
  static void load() throws Exception {
    try (InputStream in = KolmogorovTailTest.class.getResourceAsStream("/golden/ks-tail-golden.json")) {
      golden = JSON.readTree(in);
    }
  }

  /** Relative error, with the tolerance chosen by the size of the expected value. */
  private static void close(String what, double actual, double expected) {
    double tolerance = expected < 0.01 ? 1e-9 : 1e-5;
    assertThat(actual).as(what).isBetween(expected * (1 - tolerance), expected * (1 + tolerance));
  }

  @Test
  void kstwoSurvival_matchesScipyDownTo1eMinus300() {
    double smallest = 1;
    for (JsonNode c : golden.get("kstwo")) {
      long n = c.get(0).asLong();
      double d = c.get(1).asDouble();
      double expected = c.get(2).asDouble();
      close("kstwo.sf(" + d + ", " + n + ")", Kolmogorov.sf(n, d), expected);
      smallest = Math.min(smallest, expected);
    }
    assertThat(golden.get("kstwo").size()).isGreaterThan(250);
    assertThat(smallest).isLessThan(1e-280);
  }

  @Test
  void kolmogorovLimitSurvival_matchesScipyDownTo1eMinus300() {
    double smallest = 1;
    for (JsonNode c : golden.get("kstwobign")) {
      double x = c.get(0).asDouble();
      double expected = c.get(1).asDouble();
      close("kstwobign.sf(" + x + ")", Kolmogorov.limitingSf(x), expected);
      smallest = Math.min(smallest, expected);
    }
    assertThat(smallest).isLessThan(1e-280);
  }

  @Test
  @Tag("slow")
  void twoSampleTest_exactAndAsymptotic_matchScipyInTheTail() {
    for (JsonNode c : golden.get("ks_2samp")) {
      int n = c.get("n").asInt();
      int m = c.get("m").asInt();
      double shift = c.get("shift").asDouble();
      double[] x = new double[n];
      double[] y = new double[m];
      for (int i = 0; i < n; i++) {
        x[i] = (double) i / n;
      }
      for (int j = 0; j < m; j++) {
        y[j] = (double) j / m + shift;
      }
      TestResult r = TwoSample.kolmogorovSmirnov(x, y);
      String what = "ks_2samp n=" + n + " m=" + m + " shift=" + shift;
      assertThat(r.statistic()).as(what).isCloseTo(c.get("d").asDouble(), within(1e-12));
      close(what, r.pValue(), c.get("p").asDouble());
    }
  }

  @Test
  void issueExample_pValueIsTheKolmogorovTail_notRoundingNoise() {
    Random random = new Random(1);
    double[] x = new double[20_000];
    double[] y = new double[20_000];
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextGaussian();
      y[i] = random.nextGaussian() + 0.1;
    }
    JsonNode g = golden.get("issue_example");
    assertThat(x[0]).isEqualTo(g.get("x0").asDouble());
    assertThat(y[0]).isEqualTo(g.get("y0").asDouble());
    TestResult r = TwoSample.kolmogorovSmirnov(x, y);
    assertThat(r.statistic()).isCloseTo(0.0459, within(1e-12));
    // Before: 1 - cdf gave 1.92e-14, four orders of magnitude off; SciPy: 9.55e-19.
    close("issue example", r.pValue(), g.get("p").asDouble());
  }

  @Test
  void survival_isMonotoneAndBounded_andRejectsNonsense() {
    double previous = 1;
    for (double d = 0; d <= 1.0; d += 0.001) {
      double p = Kolmogorov.sf(20_000, d);
      assertThat(p).isBetween(0.0, previous);
      previous = p;
    }
    assertThat(Kolmogorov.sf(10, -0.5)).isEqualTo(1.0);
    assertThat(Kolmogorov.sf(10, 1.5)).isEqualTo(0.0);
    assertThat(Kolmogorov.sf(5_000_000_000L, 0.0001)).isBetween(0.0, 1.0);
    assertThatThrownBy(() -> Kolmogorov.sf(0, 0.5)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n");
    assertThatThrownBy(() -> Kolmogorov.sf(10, Double.NaN)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NaN");
  }
}
