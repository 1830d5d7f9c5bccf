package dev.mlops.core.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every drift statistic against SciPy 1.17 / numpy on committed fixtures
 * ({@code golden/make_drift_golden.py}): ties, tiny samples, unequal sizes, heavy tails, identical
 * samples, the asymptotic KS path (n > 10,000). Statistics to 1e-9 relative (1e-12 absolute near 0),
 * p-values to 1e-6 absolute.
 */
class DriftGoldenTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode load(String name) throws Exception {
    try (InputStream in = DriftGoldenTest.class.getResourceAsStream("/golden/" + name)) {
      return JSON.readTree(in);
    }
  }

  static Stream<Arguments> numericCases() throws Exception {
    return load("drift-golden.json").properties().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  static Stream<Arguments> categoricalCases() throws Exception {
    return load("drift-categorical-golden.json").properties().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  private static double[] doubles(JsonNode array) {
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asDouble();
    }
    return out;
  }

  private static long[] longs(JsonNode array) {
    long[] out = new long[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asLong();
    }
    return out;
  }

  static void statistic(String what, double actual, double expected) {
    assertThat(actual).as(what).isCloseTo(expected, within(Math.max(1e-12, Math.abs(expected) * 1e-9)));
  }

  static void pValue(String what, double actual, double expected) {
    assertThat(actual).as(what).isCloseTo(expected, within(1e-6));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("numericCases")
  void numericStatisticsMatchScipy(String name, JsonNode g) {
    double[] ref = doubles(g.get("reference"));
    double[] cur = doubles(g.get("current"));

    TestResult ks = TwoSample.kolmogorovSmirnov(ref, cur);
    statistic(name + " ks D", ks.statistic(), g.get("ks").get(0).asDouble());
    pValue(name + " ks p", ks.pValue(), g.get("ks").get(1).asDouble());

    TestResult mw = TwoSample.mannWhitney(ref, cur);
    statistic(name + " mwu U", mw.statistic(), g.get("mannwhitney").get(0).asDouble());
    pValue(name + " mwu p", mw.pValue(), g.get("mannwhitney").get(1).asDouble());

    TestResult cvm = TwoSample.cramerVonMises(ref, cur);
    statistic(name + " cvm T", cvm.statistic(), g.get("cvm").get(0).asDouble());
    pValue(name + " cvm p", cvm.pValue(), g.get("cvm").get(1).asDouble());

    TestResult ad = TwoSample.andersonDarling(ref, cur);
    statistic(name + " anderson A2", ad.statistic(), g.get("anderson").get(0).asDouble());
    pValue(name + " anderson p", ad.pValue(), g.get("anderson").get(1).asDouble());

    statistic(name + " wasserstein", TwoSample.wasserstein(ref, cur), g.get("wasserstein").asDouble());
    statistic(name + " wasserstein normed", TwoSample.wassersteinNormed(ref, cur),
        g.get("wasserstein").asDouble() / g.get("refStd").asDouble());
    statistic(name + " energy", TwoSample.energyDistance(ref, cur), g.get("energy").asDouble());

    NumericBins bins = NumericBins.fromReference(ref, NumericBins.DEFAULT_BINS);
    double[] p = bins.referenceProportions();
    double[] q = bins.proportions(cur);
    Map<String, Function<double[][], Double>> binned = Map.of(
        "psi", pq -> Distances.psi(pq[0], pq[1], Distances.DEFAULT_EPSILON),
        "kl", pq -> Distances.klDivergence(pq[0], pq[1], Distances.DEFAULT_EPSILON),
        "js", pq -> Distances.jensenShannon(pq[0], pq[1]),
        "hellinger", pq -> Distances.hellinger(pq[0], pq[1]),
        "tv", pq -> Distances.totalVariation(pq[0], pq[1]));
    binned.forEach((key, f) -> statistic(name + " " + key, f.apply(new double[][] {p, q}), g.get(key).asDouble()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("categoricalCases")
  void categoricalStatisticsMatchScipy(String name, JsonNode g) {
    long[] ref = longs(g.get("reference"));
    long[] cur = longs(g.get("current"));

    TestResult chi2 = CategoricalDrift.chiSquare(ref, cur);
    statistic(name + " chi2", chi2.statistic(), g.get("chi2").get(0).asDouble());
    pValue(name + " chi2 p", chi2.pValue(), g.get("chi2").get(1).asDouble());
    TestResult gt = CategoricalDrift.gTest(ref, cur);
    statistic(name + " G", gt.statistic(), g.get("g").get(0).asDouble());
    pValue(name + " G p", gt.pValue(), g.get("g").get(1).asDouble());

    double[] p = CategoricalDrift.proportions(ref);
    double[] q = CategoricalDrift.proportions(cur);
    statistic(name + " psi", Distances.psi(p, q, Distances.DEFAULT_EPSILON), g.get("psi").asDouble());
    statistic(name + " js", Distances.jensenShannon(p, q), g.get("js").asDouble());
    statistic(name + " hellinger", Distances.hellinger(p, q), g.get("hellinger").asDouble());
    statistic(name + " tv", Distances.totalVariation(p, q), g.get("tv").asDouble());
  }
}
