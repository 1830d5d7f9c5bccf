package dev.mlops.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.testing.NullPointerTester;
import dev.mlops.api.data.ColumnType;
import dev.mlops.api.drift.DriftMethod;
import dev.mlops.api.monitor.ConfusionEstimate;
import dev.mlops.api.monitor.PerformanceEstimate;
import dev.mlops.api.monitor.PerformanceEstimator;
import dev.mlops.api.monitor.Signal;
import dev.mlops.api.monitor.WindowReport;
import dev.mlops.api.monitor.Windows;
import dev.mlops.api.profile.TableProfile;
import dev.mlops.api.schema.Schema;
import dev.mlops.core.drift.stream.StreamingDetectors;
import dev.mlops.core.profile.ProfileAccumulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DriftMonitorBuilderTest {
  private static final Clock FIXED = Clock.fixed(Instant.parse("2026-02-01T10:00:00Z"), ZoneOffset.UTC);
  private static final Cbpe CBPE = Cbpe.of(IsotonicCalibrator.identity(), 0.5);
  private static final Executor DIRECT = Runnable::run;

  private static TableProfile reference() {
    Map<String, ColumnType> columns = new LinkedHashMap<>();
    columns.put("x", ColumnType.NUMERIC);
    columns.put("colour", ColumnType.CATEGORICAL);
    ProfileAccumulator acc = ProfileAccumulator.of(columns);
    SplittableRandom rnd = new SplittableRandom(1);
    for (int i = 0; i < 100; i++) {
      acc.add(0, rnd.nextGaussian());
      acc.add(1, rnd.nextBoolean() ? "red" : "blue");
      acc.endRow();
    }
    return acc.toProfile();
  }

  private static DriftMonitorBuilder builder() {
    return DriftMonitor.builder(reference());
  }

  @Test
  void window_setTwice_throwsNamingBothWindows() {
    DriftMonitorBuilder b = builder().window(Windows.count(250));

    assertThatThrownBy(() -> b.window(Windows.time(Duration.ofMinutes(5), FIXED)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("window was already set to count(250); cannot also set time(PT5M)");
    assertThatThrownBy(() -> b.window(Windows.count(250))).isInstanceOf(IllegalStateException.class)
        .hasMessage("window was already set to count(250); cannot also set count(250)");
    assertThatThrownBy(() -> builder().window(Windows.time(Duration.ofMinutes(5), FIXED)).window(Windows.count(10)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("window was already set to time(PT5M); cannot also set count(10)");
  }

  @Test
  void window_aRefusedSecondCallLeavesTheFirstInForce() throws InterruptedException {
    DriftMonitorBuilder b = builder().window(Windows.count(250));
    assertThatThrownBy(() -> b.window(Windows.count(10))).isInstanceOf(IllegalStateException.class);
    DriftMonitor monitor = b.build();

    for (int i = 0; i < 249; i++) {
      monitor.record(Map.of("x", 0.1, "colour", "red"));
    }
    assertThat(monitor.history()).isEmpty();
    monitor.record(Map.of("x", 0.1, "colour", "red"));
    assertThat(monitor.awaitChecks(Duration.ofSeconds(30))).isTrue();
    assertThat(monitor.history()).extracting(WindowReport::rows).containsExactly(250L);
  }

  @Test
  void window_byDefault_closesAfter1000Predictions() throws InterruptedException {
    DriftMonitor monitor = builder().build();
    for (int i = 0; i < 1_000; i++) {
      monitor.record(Map.of("x", 0.1, "colour", "red"));
    }
    assertThat(monitor.awaitChecks(Duration.ofSeconds(30))).isTrue();
    assertThat(monitor.history()).extracting(WindowReport::rows).containsExactly(1_000L);
  }

  @Test
  void window_aTimeWindowsClockStampsTheWindows() {
    DriftMonitor monitor = builder().window(Windows.time(Duration.ofMinutes(1), FIXED)).build();
    monitor.record(Map.of("x", 0.1));
    WindowReport w = monitor.closeWindow();
    assertThat(w.span().start()).isEqualTo(FIXED.instant());
    assertThat(w.span().end()).isEqualTo(FIXED.instant());
  }

  @Test
  void decisionThreshold_afterAPerformanceEstimate_throwsNamingBoth() {
    DriftMonitorBuilder b = builder().performanceEstimate(CBPE, 0.7);

    assertThatThrownBy(() -> b.decisionThreshold(0.6)).isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("performanceEstimate was already set to Cbpe[threshold=0.5")
        .hasMessageContaining("with minimum accuracy 0.7; cannot also set decisionThreshold(0.6): "
            + "the estimator's threshold 0.5 is the decision threshold");
  }

  @Test
  void performanceEstimate_afterADecisionThreshold_throwsNamingBoth() {
    DriftMonitorBuilder b = builder().decisionThreshold(0.6);

    assertThatThrownBy(() -> b.performanceEstimate(CBPE, 0.7)).isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("decisionThreshold was already set to 0.6; cannot also set performanceEstimate(Cbpe[")
        .hasMessageEndingWith("with minimum accuracy 0.7): the estimator brings its own decision threshold 0.5");
  }

  @Test
  void synchronousChecks_andAnExecutorOrAHandOff_contradictEachOtherInEitherOrder() {
    assertThatThrownBy(() -> builder().synchronousChecks().executor(DIRECT))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("synchronousChecks was already set to synchronousChecks(); cannot also set executor(" + DIRECT
            + "): synchronous mode has no checking thread");
    assertThatThrownBy(() -> builder().executor(DIRECT).synchronousChecks())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("executor was already set to " + DIRECT + "; cannot also set synchronousChecks(): "
            + "synchronous mode has no checking thread");
    assertThatThrownBy(() -> builder().handOffCapacity(4).synchronousChecks())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("handOffCapacity was already set to 4; cannot also set synchronousChecks(): "
            + "synchronous mode has no hand-off");
    assertThatThrownBy(() -> builder().synchronousChecks().handOffCapacity(4))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("synchronousChecks was already set to synchronousChecks(); cannot also set handOffCapacity(4): "
            + "synchronous mode has no hand-off");
    assertThatThrownBy(() -> builder().handOffCapacity(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("hand-off capacity must be in [1, 4096], was 0");
    assertThatThrownBy(() -> builder().handOffCapacity(4097)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("hand-off capacity must be in [1, 4096], was 4097");
  }

  @Test
  void clock_andATimeWindow_contradictEachOtherInEitherOrder() {
    assertThatThrownBy(() -> builder().clock(FIXED).window(Windows.time(Duration.ofSeconds(30), FIXED)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("clock was already set to " + FIXED + "; cannot also set window(time(PT30S)): "
            + "a time window brings its own clock");
    assertThatThrownBy(() -> builder().window(Windows.time(Duration.ofSeconds(30), FIXED)).clock(FIXED))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("window was already set to time(PT30S); cannot also set clock(" + FIXED + "): "
            + "a time window brings its own clock");
    DriftMonitor countedOnATestClock = builder().clock(FIXED).window(Windows.count(5)).build();
    countedOnATestClock.record(Map.of("x", 1.0));
    assertThat(countedOnATestClock.closeWindow().span().start()).isEqualTo(FIXED.instant());
  }

  static Stream<Arguments> setters() {
    Schema schema = Schema.builder().field("x", ColumnType.NUMERIC).build();
    Clock other = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
    return Stream.of(
        setter("clock", b -> b.clock(FIXED), b -> b.clock(other), FIXED.toString(), other.toString()),
        setter("schema", b -> b.schema(schema), b -> b.schema(schema), "a schema of 1 fields", "a schema of 1 fields"),
        setter("numericDrift", b -> b.numericDrift(DriftMethod.PSI, 0.2),
            b -> b.numericDrift(DriftMethod.KOLMOGOROV_SMIRNOV, 0.01), "PSI at 0.2", "KOLMOGOROV_SMIRNOV at 0.01"),
        setter("categoricalDrift", b -> b.categoricalDrift(DriftMethod.PSI, 0.2),
            b -> b.categoricalDrift(DriftMethod.HELLINGER, 0.1), "PSI at 0.2", "HELLINGER at 0.1"),
        setter("minimumRows", b -> b.minimumRows(10), b -> b.minimumRows(20), "10", "20"),
        setter("performanceEstimate", b -> b.performanceEstimate(CBPE, 0.7), b -> b.performanceEstimate(CBPE, 0.8),
            "with minimum accuracy 0.7", "with minimum accuracy 0.8"),
        setter("decisionThreshold", b -> b.decisionThreshold(0.5), b -> b.decisionThreshold(0.4), "0.5", "0.4"),
        setter("predictionColumn", b -> b.predictionColumn("score"), b -> b.predictionColumn("p"), "'score'", "'p'"),
        setter("errorDetector", b -> b.errorDetector(StreamingDetectors::adwin),
            b -> b.errorDetector(StreamingDetectors::adwin), "", ""),
        setter("pendingLabels", b -> b.pendingLabels(16), b -> b.pendingLabels(32), "16", "32"),
        setter("executor", b -> b.executor(DIRECT), b -> b.executor(DIRECT), DIRECT.toString(), DIRECT.toString()),
        setter("handOffCapacity", b -> b.handOffCapacity(4), b -> b.handOffCapacity(8), "4", "8"),
        setter("synchronousChecks", DriftMonitorBuilder::synchronousChecks, DriftMonitorBuilder::synchronousChecks,
            "synchronousChecks()", "synchronousChecks()"),
        setter("stripes", b -> b.stripes(2), b -> b.stripes(4), "2", "4"),
        setter("history", b -> b.history(8), b -> b.history(16), "8", "16"));
  }

  private static Arguments setter(String name, Consumer<DriftMonitorBuilder> first, Consumer<DriftMonitorBuilder> second,
      String firstValue, String secondValue) {
    return Arguments.of(name, first, second, firstValue, secondValue);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("setters")
  void everySetter_calledTwice_throwsIllegalStateExceptionNamingBothValues(String name,
      Consumer<DriftMonitorBuilder> first, Consumer<DriftMonitorBuilder> second, String firstValue,
      String secondValue) {
    DriftMonitorBuilder b = builder();
    first.accept(b);

    assertThatThrownBy(() -> second.accept(b)).isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(name + " was already set to ")
        .hasMessageContaining(firstValue)
        .hasMessageContaining("; cannot also set ")
        .hasMessageEndingWith(secondValue);
  }

  @Test
  void listeners_mayBeAddedAnyNumberOfTimes() {
    List<String> calls = new ArrayList<>();
    DriftMonitor monitor = builder().synchronousChecks().window(Windows.count(1))
        .onWindow(w -> calls.add("window 1")).onWindow(w -> calls.add("window 2"))
        .onDrift(e -> calls.add("drift 1")).onDrift(e -> calls.add("drift 2")).minimumRows(1)
        .build();

    monitor.record(Map.of("x", 100.0, "colour", "green"));

    assertThat(calls).containsExactly("window 1", "window 2", "drift 1", "drift 2");
  }

  @Test
  void decisionThreshold_withoutAnEstimator_decidesWhichLabelsAreWrong() {
    DriftMonitor monitor = builder().decisionThreshold(0.7).build();
    long id = monitor.record(Map.of("x", 0.1), 0.6);   // below 0.7: predicted negative

    assertThat(monitor.label(id, false)).isTrue();
    assertThat(monitor.closeWindow().labels().errors()).isZero();
  }

  @Test
  void performanceEstimate_itsThresholdDecidesWhichLabelsAreWrong() {
    DriftMonitor monitor = builder().performanceEstimate(Cbpe.of(IsotonicCalibrator.identity(), 0.7), 0.5).build();
    long id = monitor.record(Map.of("x", 0.1), 0.6);   // below the estimator's 0.7: predicted negative

    assertThat(monitor.label(id, true)).isTrue();
    assertThat(monitor.closeWindow().labels().errors()).isEqualTo(1);
  }

  @Test
  void defaults_decideAtHalf() {
    DriftMonitor monitor = builder().build();
    long id = monitor.record(Map.of("x", 0.1), 0.6);   // at or above 0.5: predicted positive

    assertThat(monitor.label(id, false)).isTrue();
    assertThat(monitor.closeWindow().labels().errors()).isEqualTo(1);
  }

  @Test
  void performanceEstimate_acceptsAnyEstimator_andMergesItsStripeAccumulators() {
    DriftMonitor monitor = builder().stripes(4).performanceEstimate(new HalfRight(0.8), 0.9).minimumRows(1).build();
    long id = monitor.record(Map.of("x", 0.1), 0.7);   // below the estimator's 0.8: predicted negative
    monitor.record(Map.of("x", 0.2), 0.9);

    assertThat(monitor.label(id, true)).isTrue();
    WindowReport w = monitor.closeWindow();
    assertThat(w.labels().errors()).isEqualTo(1);
    assertThat(w.checks().estimate()).hasValueSatisfying(e -> {
      assertThat(e.rows()).isEqualTo(2);
      assertThat(e.accuracy()).isEqualTo(0.5);
    });
    assertThat(w.signals()).extracting(Signal::kind).contains(Signal.Kind.PERFORMANCE_ESTIMATE);
  }

  /** An estimator that expects every prediction to be right half the time. */
  private record HalfRight(double threshold) implements PerformanceEstimator {
    @Override
    public PerformanceEstimator.Accumulator accumulator() {
      return new Counter(this);
    }

    @Override
    public PerformanceEstimate estimate(double[] rawScores) {
      Counter c = new Counter(this);
      for (double s : rawScores) {
        c.add(s);
      }
      return c.estimate();
    }
  }

  private static final class Counter implements PerformanceEstimator.Accumulator {
    private final HalfRight estimator;
    private long rows;

    Counter(HalfRight estimator) {
      this.estimator = estimator;
    }

    @Override
    public void add(double rawScore) {
      rows++;
    }

    @Override
    public PerformanceEstimator.Accumulator merge(PerformanceEstimator.Accumulator other) {
      rows += other.count();
      return this;
    }

    @Override
    public long count() {
      return rows;
    }

    @Override
    public PerformanceEstimate estimate() {
      double half = rows / 2.0;
      return new PerformanceEstimate(rows, estimator.threshold(), new ConfusionEstimate(half / 2, half / 2, half / 2,
          half / 2), Double.NaN, Double.NaN, Double.NaN);
    }
  }

  @Test
  void publicMethods_rejectNullsNamingTheArgument() {
    new NullPointerTester().testAllPublicInstanceMethods(builder());
    new NullPointerTester().testAllPublicStaticMethods(DriftMonitor.class);
    assertThatThrownBy(() -> builder().window(null)).isInstanceOf(NullPointerException.class).hasMessage("window");
    assertThatThrownBy(() -> builder().performanceEstimate(null, 0.5)).isInstanceOf(NullPointerException.class)
        .hasMessage("estimator");
  }
}
