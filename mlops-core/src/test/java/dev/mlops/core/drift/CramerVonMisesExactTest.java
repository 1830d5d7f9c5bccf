package dev.mlops.core.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The Cramér-von Mises statistic is exact up to its final rounding (issue 13, finding 8), against
 * exact rational arithmetic ({@code golden/make_cvm_exact_golden.py}, Python fractions): to 1e-15
 * relative at 30k/25k and at 1M/800k, where summing in doubles was 1.1e-4 and 2.2% off.
 */
class CramerVonMisesExactTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static JsonNode golden;

  @BeforeAll
  static void load() throws Exception {
    try (InputStream in = CramerVonMisesExactTest.class.getResourceAsStream("/golden/cvm-exact-golden.json")) {
      golden = JSON.readTree(in);
    }
  }

  private static void grid(String name) {
    JsonNode g = golden.get(name);
    int nx = g.get("nx").asInt();
    int ny = g.get("ny").asInt();
    double[] x = new double[nx];
    double[] y = new double[ny];
    for (int i = 0; i < nx; i++) {
      x[i] = (double) i / nx;
    }
    for (int j = 0; j < ny; j++) {
      y[j] = (j + 0.37) / ny;
    }
    double exact = g.get("exact").asDouble();
    assertThat(TwoSample.cramerVonMises(x, y).statistic()).as(name).isCloseTo(exact, within(exact * 1e-15));
  }

  @Test
  void grid30kBy25k_statisticIsExact() {
    grid("grid-30k-25k");
  }

  @Test
  @Tag("slow")
  void grid1mBy800k_statisticIsExact() {
    grid("grid-1m-800k");
  }

  @Test
  void normal30kBy25k_statisticIsExact() {
    JsonNode g = golden.get("normal-30k-25k");
    Random random = new Random(7);
    double[] x = new double[30_000];
    double[] y = new double[25_000];
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextGaussian();
    }
    for (int j = 0; j < y.length; j++) {
      y[j] = random.nextGaussian() + 0.01;
    }
    assertThat(x[0]).isEqualTo(g.get("x0").asDouble());
    assertThat(y[0]).isEqualTo(g.get("y0").asDouble());
    double exact = g.get("exact").asDouble();
    assertThat(TwoSample.cramerVonMises(x, y).statistic()).isCloseTo(exact, within(exact * 1e-15));
  }

  @Test
  void ties_giveTheSameStatisticAsMidranksInRationals() {
    // Exact values from make_cvm_exact_golden.py's exact_t: 11/32 and 83/330 (SciPy: 0.2515151515151517).
    assertThat(TwoSample.cramerVonMises(new double[] {0, 1, 2, 3}, new double[] {2, 3, 4, 5}).statistic())
        .isEqualTo(11.0 / 32);
    assertThat(TwoSample.cramerVonMises(new double[] {0, 1, 1, 2, 7}, new double[] {1, 2, 2, 3, 9, 9}).statistic())
        .isEqualTo(83.0 / 330);
  }
}
