package dev.mlops.api.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.api.drift.DetectorState;
import dev.mlops.api.drift.DriftMethod;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MonitorValuesTest {

  @Test
  void windows_countAndTime_validateAndPrintAsTheirFactoryCall() {
    Clock clock = Clock.systemUTC();
    assertThat(Windows.count(250)).isEqualTo(new Window.Count(250)).hasToString("count(250)");
    assertThat(Windows.time(Duration.ofMinutes(5), clock)).hasToString("time(PT5M)")
        .isEqualTo(new Window.Time(Duration.ofMinutes(5), clock));
    assertThat(Windows.time(Window.MAX_TIME, clock).length()).isEqualTo(Duration.ofDays(36_500));

    assertThatThrownBy(() -> Windows.count(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("window size must be >= 1, was 0");
    assertThatThrownBy(() -> Windows.time(Duration.ofNanos(999_999), clock))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1 ms").hasMessageContaining("PT0.000999999S");
    assertThatThrownBy(() -> Windows.time(Duration.ofDays(36_501), clock))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most PT876000H");
    assertThatThrownBy(() -> Windows.time(Duration.ofSeconds(-1), clock)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Windows.time(null, clock)).isInstanceOf(NullPointerException.class).hasMessage("length");
    assertThatThrownBy(() -> Windows.time(Duration.ofMinutes(1), null)).isInstanceOf(NullPointerException.class)
        .hasMessage("clock");
  }

  @Test
  void performanceEstimate_derivesTheMetricsFromTheConfusionMatrix() {
    PerformanceEstimate e = new PerformanceEstimate(10, 0.5, new ConfusionEstimate(3, 1, 2, 4), 0.1, 0.8, 0.0);

    assertThat(e.accuracy()).isEqualTo(0.7);
    assertThat(e.accuracyLower()).isCloseTo(0.7 - PerformanceEstimate.Z_95 * 0.1, within(1e-15));
    assertThat(e.accuracyUpper()).isCloseTo(0.7 + PerformanceEstimate.Z_95 * 0.1, within(1e-15));
    assertThat(e.precision()).isEqualTo(0.75);
    assertThat(e.recall()).isEqualTo(0.6);
    assertThat(e.specificity()).isEqualTo(0.8);
    assertThat(e.f1()).isEqualTo(6.0 / 9);
    assertThat(e).hasToString("10 rows at threshold 0.5: accuracy 0.7000 [0.5040, 0.8960], precision 0.7500, "
        + "recall 0.6000, specificity 0.8000, F1 0.6667, ROC AUC 0.8000");
  }

  @Test
  void performanceEstimate_clipsTheIntervalAndGivesNaNForEmptyDenominators() {
    PerformanceEstimate sure = new PerformanceEstimate(2, 0.5, new ConfusionEstimate(0, 0, 0, 2), 0.3, Double.NaN,
        Double.NaN);
    assertThat(sure.accuracy()).isEqualTo(1.0);
    assertThat(sure.accuracyUpper()).isEqualTo(1.0);
    assertThat(sure.accuracyLower()).isCloseTo(1 - PerformanceEstimate.Z_95 * 0.3, within(1e-15));
    assertThat(new double[] {sure.precision(), sure.recall(), sure.f1()}).containsOnly(Double.NaN);
    assertThat(sure.specificity()).isEqualTo(1.0);

    PerformanceEstimate empty = new PerformanceEstimate(0, 0.5, new ConfusionEstimate(0, 0, 0, 0), Double.NaN,
        Double.NaN, Double.NaN);
    assertThat(new double[] {empty.accuracy(), empty.accuracyLower(), empty.accuracyUpper(), empty.precision(),
        empty.recall(), empty.specificity(), empty.f1()}).containsOnly(Double.NaN);
  }

  @Test
  void performanceEstimate_rejectsImpossibleValuesNamingThem() {
    assertThatThrownBy(() -> new ConfusionEstimate(1, 0, Double.POSITIVE_INFINITY, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("falseNegatives must be a finite count >= 0, was Infinity");
    assertThatThrownBy(() -> new ConfusionEstimate(1, 0, 0, -2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("trueNegatives");
    assertThatThrownBy(() -> new PerformanceEstimate(1, 0.5, null, 0, 0, 0)).isInstanceOf(NullPointerException.class)
        .hasMessage("confusion");
  }

  @Test
  void columnScore_driftedFollowsTheMethod() {
    assertThat(new ColumnScore("x", DriftMethod.KOLMOGOROV_SMIRNOV, 0.3, 0.01, 0.009, 0.01).drifted()).isTrue();
    assertThat(new ColumnScore("x", DriftMethod.KOLMOGOROV_SMIRNOV, 0.3, 0.01, 0.01, 0.01).drifted())
        .as("p-value equal to alpha").isFalse();
    assertThat(new ColumnScore("x", DriftMethod.PSI, 0.2, 0.01, Double.NaN, 0.2).drifted())
        .as("distance equal to the threshold").isTrue();
    ColumnScore calm = new ColumnScore("x", DriftMethod.PSI, 0.19, 0.01, Double.NaN, 0.2);
    assertThat(calm.drifted()).isFalse();
    assertThat(calm).hasToString("x PSI=0.1900 (±0.0100)");
    assertThat(new ColumnScore("c", DriftMethod.JENSEN_SHANNON, 0.5, 0, Double.NaN, 0.1))
        .hasToString("c JENSEN_SHANNON=0.5000 (±0.0000) DRIFTED");
    assertThatThrownBy(() -> new ColumnScore("x", DriftMethod.PSI, 0.1, 0, Double.NaN, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("threshold must be positive and finite, was 0.0");
    assertThatThrownBy(() -> new ColumnScore(null, DriftMethod.PSI, 0.1, 0, Double.NaN, 0.2))
        .isInstanceOf(NullPointerException.class).hasMessage("column");
  }

  @Test
  void driftEvent_namesItsColumnsAndKindsAndNeedsASignal() {
    Signal feature = new Signal(Signal.Kind.FEATURE_DRIFT, "x", "PSI", 0.4, 0.2, "x PSI=0.4");
    Signal again = new Signal(Signal.Kind.SCHEMA_VIOLATION, "x", "NOT_IN_DOMAIN", 0.1, Double.NaN, "x: domain");
    Signal model = new Signal(Signal.Kind.PERFORMANCE_ESTIMATE, "", "estimated accuracy", 0.6, 0.7, "below");
    DriftEvent e = new DriftEvent(2, Instant.EPOCH, List.of(feature, again, model), Optional.empty());

    assertThat(e.columns()).containsExactly("x");
    assertThat(e.has(Signal.Kind.SCHEMA_VIOLATION)).isTrue();
    assertThat(e.has(Signal.Kind.CONCEPT_DRIFT)).isFalse();
    assertThat(model).hasToString("PERFORMANCE_ESTIMATE: below");
    assertThatThrownBy(() -> new DriftEvent(0, Instant.EPOCH, List.of(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one signal");
    assertThatThrownBy(() -> new DriftEvent(-1, Instant.EPOCH, List.of(model), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("window must be >= 0, was -1");
  }

  @Test
  void windowParts_validateTheirComponents() {
    assertThatThrownBy(() -> new WindowSpan(-1, Instant.EPOCH, Instant.EPOCH))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("index must be >= 0, was -1");
    assertThatThrownBy(() -> new WindowSpan(0, null, Instant.EPOCH)).isInstanceOf(NullPointerException.class)
        .hasMessage("start");
    assertThatThrownBy(() -> new LabelStats(-1, 0, DetectorState.STABLE)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("label counts must be >= 0, were -1 and 0");
    assertThatThrownBy(() -> new LabelStats(1, 0, null)).isInstanceOf(NullPointerException.class).hasMessage("detector");
    DriftChecks checks = new DriftChecks(List.of(), Optional.empty(), Optional.empty(),
        List.of("skipped"));
    assertThat(checks.scores()).isEmpty();
    assertThatThrownBy(() -> checks.notes().add("more")).isInstanceOf(UnsupportedOperationException.class);
  }
}
