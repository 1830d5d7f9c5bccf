package dev.mlops.core.drift.stream;

import static dev.mlops.core.drift.stream.StreamingDetectorsTest.SEEDS;
import static dev.mlops.core.drift.stream.StreamingDetectorsTest.falseAlarmRuns;
import static dev.mlops.core.drift.stream.StreamingDetectorsTest.medianDelay;
import static dev.mlops.core.drift.stream.StreamingDetectorsTest.medianFirstAlarm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.api.drift.DetectorState;
import dev.mlops.api.drift.StreamingDriftDetector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * HDDM-A and HDDM-W: the paper's bounds on a step whose answer is worked out by hand, false alarms
 * on the Bernoulli(0.2) stream ADWIN is tested on, and delays after abrupt, gradual and downward
 * shifts, over 50 seeds each.
 */
class HddmTest {

  private static StreamingDriftDetector hddmATwoSided() {
    return HddmA.builder().twoSided().build();
  }

  private static StreamingDriftDetector hddmWTwoSided() {
    return HddmW.builder().twoSided().build();
  }

  /** The states after {@code before} copies of {@code from}, then {@code after} copies of {@code to}. */
  private static List<DetectorState> step(StreamingDriftDetector d, double from, double to, int before, int after) {
    for (int i = 0; i < before; i++) {
      assertThat(d.update(from)).isEqualTo(DetectorState.STABLE);
    }
    List<DetectorState> states = new ArrayList<>();
    for (int i = 0; i < after; i++) {
      states.add(d.update(to));
    }
    return states;
  }

  @Test
  void hddmA_signalsAStepWhereHoeffdingsBoundSaysItShould() {
    // After k = 100 zeros and t ones, Z - X = t / (k + t) against sqrt(t / (2 k (k + t)) ln(2 / alpha)):
    // reached at t >= k ln(2/alpha) / (2k - ln(2/alpha)), that is t = 3.09 for alpha 0.005 and 3.95 for
    // 0.001: both first hold at t = 4.
    List<DetectorState> expected = List.of(DetectorState.STABLE, DetectorState.STABLE, DetectorState.STABLE,
        DetectorState.DRIFT, DetectorState.STABLE);

    assertThat(step(StreamingDetectors.hddmA(), 0, 1, 100, 5)).isEqualTo(expected);
    assertThat(step(hddmATwoSided(), 1, 0, 100, 5)).as("the mirror image, two-sided").isEqualTo(expected);
    assertThat(step(StreamingDetectors.hddmA(), 1, 0, 100, 200)).as("one-sided ignores a decrease")
        .containsOnly(DetectorState.STABLE);
  }

  @Test
  void hddmW_signalsAStepWhereMcDiarmidsBoundSaysItShould() {
    // After 100 zeros the cut's EWMA is 0 with D = sum of squared weights ~ lambda / (2 - lambda);
    // the EWMA of the t ones after it is 1 with D_t = lambda^2 + (1 - lambda)^2 D_(t-1), D_1 = 1.
    // 1 >= sqrt((D + D_t) / 2 ln(1 / alpha)) first holds at t = 12 for alpha 0.005, t = 15 for 0.001.
    List<DetectorState> expected = new ArrayList<>();
    for (int t = 1; t <= 16; t++) {
      expected.add(t < 12 ? DetectorState.STABLE : t < 15 ? DetectorState.WARNING
          : t == 15 ? DetectorState.DRIFT : DetectorState.STABLE);
    }

    assertThat(step(StreamingDetectors.hddmW(), 0, 1, 100, 16)).isEqualTo(expected);
    assertThat(step(hddmWTwoSided(), 1, 0, 100, 16)).as("the mirror image, two-sided").isEqualTo(expected);
    assertThat(step(StreamingDetectors.hddmW(), 1, 0, 100, 200)).as("one-sided ignores a decrease")
        .containsOnly(DetectorState.STABLE);
  }

  /** Median observations from the start of a linear ramp of the error rate (1,000 long, at 1,000) to a drift. */
  private static double medianGradualDelay(Supplier<StreamingDriftDetector> detector, double from, double to) {
    double[] delays = new double[SEEDS];
    for (int seed = 0; seed < SEEDS; seed++) {
      SplittableRandom r = new SplittableRandom(2000 + seed);
      StreamingDriftDetector d = detector.get();
      delays[seed] = Double.POSITIVE_INFINITY;
      for (int i = 0; i < 6_000; i++) {
        double p = i < 1_000 ? from : i < 2_000 ? from + (to - from) * (i - 1_000) / 1_000 : to;
        if (d.update(r.nextDouble() < p ? 1 : 0) == DetectorState.DRIFT && i >= 1_000) {
          delays[seed] = i - 1_000;
          break;
        }
      }
    }
    Arrays.sort(delays);
    return delays[SEEDS / 2];
  }

  @Test
  void hddmA_catchesAbruptAndGradualIncreasesMuchSoonerThanItRaisesAFalseAlarm() {
    int alarms = falseAlarmRuns(StreamingDetectors::hddmA, 10_000, 0.2);
    double firstFalse = medianFirstAlarm(StreamingDetectors::hddmA, 0.2);
    double abrupt = medianDelay(StreamingDetectors::hddmA, 0.2, 0.6);
    double gradual = medianGradualDelay(StreamingDetectors::hddmA, 0.2, 0.6);
    double down = medianDelay(HddmTest::hddmATwoSided, 0.6, 0.2);
    double oneSidedDown = medianDelay(StreamingDetectors::hddmA, 0.6, 0.2);
    int twoSidedAlarms = falseAlarmRuns(HddmTest::hddmATwoSided, 10_000, 0.2);
    System.out.printf("HDDM-A: %d of %d stationary runs alarmed in 10,000 (%d two-sided); median first false alarm"
        + " %.0f; median delay %.0f abrupt, %.0f gradual, %.0f down (two-sided)%n", alarms, SEEDS, twoSidedAlarms,
        firstFalse, abrupt, gradual, down);

    assertThat(alarms).isLessThanOrEqualTo(SEEDS / 4);
    assertThat(firstFalse).isGreaterThan(20_000);
    assertThat(abrupt).isLessThan(60);
    assertThat(gradual).isLessThan(600);
    assertThat(down).isLessThan(100);
    assertThat(oneSidedDown).isInfinite();
    assertThat(twoSidedAlarms).isLessThanOrEqualTo(SEEDS / 4);
  }

  @Test
  void hddmW_catchesAbruptAndGradualIncreasesMuchSoonerThanItRaisesAFalseAlarm() {
    int alarms = falseAlarmRuns(StreamingDetectors::hddmW, 10_000, 0.2);
    double firstFalse = medianFirstAlarm(StreamingDetectors::hddmW, 0.2);
    double abrupt = medianDelay(StreamingDetectors::hddmW, 0.2, 0.6);
    double gradual = medianGradualDelay(StreamingDetectors::hddmW, 0.2, 0.6);
    double down = medianDelay(HddmTest::hddmWTwoSided, 0.6, 0.2);
    double oneSidedDown = medianDelay(StreamingDetectors::hddmW, 0.6, 0.2);
    int twoSidedAlarms = falseAlarmRuns(HddmTest::hddmWTwoSided, 10_000, 0.2);
    System.out.printf("HDDM-W: %d of %d stationary runs alarmed in 10,000 (%d two-sided); median first false alarm"
        + " %.0f; median delay %.0f abrupt, %.0f gradual, %.0f down (two-sided)%n", alarms, SEEDS, twoSidedAlarms,
        firstFalse, abrupt, gradual, down);

    assertThat(alarms).isLessThanOrEqualTo(SEEDS / 2);
    assertThat(firstFalse).isGreaterThan(100 * abrupt);
    assertThat(abrupt).isLessThan(60);
    assertThat(gradual).isLessThan(600);
    assertThat(down).isLessThan(100);
    assertThat(oneSidedDown).isInfinite();
    assertThat(twoSidedAlarms).isLessThanOrEqualTo(SEEDS / 2);
  }

  /** Median delay after a loss uniform on [0, 0.5] (5,000 values) moves up by {@code shift}; counts false alarms. */
  private static double[] boundedLossRun(Supplier<StreamingDriftDetector> detector, double shift) {
    double[] delays = new double[SEEDS];
    int alarms = 0;
    for (int seed = 0; seed < SEEDS; seed++) {
      SplittableRandom r = new SplittableRandom(3000 + seed);
      StreamingDriftDetector d = detector.get();
      delays[seed] = Double.POSITIVE_INFINITY;
      for (int i = 0; i < 7_000; i++) {
        double loss = r.nextDouble() * 0.5 + (i < 5_000 ? 0 : shift);
        if (d.update(loss) == DetectorState.DRIFT) {
          if (i < 5_000) {
            alarms++;
          } else {
            delays[seed] = i - 5_000;
            break;
          }
        }
      }
    }
    Arrays.sort(delays);
    return new double[] {alarms, delays[SEEDS / 2]};
  }

  @Test
  void hddm_detectsAShiftOfBoundedNonBinaryValues() {
    double[] a = boundedLossRun(StreamingDetectors::hddmA, 0.2);
    double[] w = boundedLossRun(StreamingDetectors::hddmW, 0.4);
    double[] wSmall = boundedLossRun(StreamingDetectors::hddmW, 0.2);
    double[] wSlow = boundedLossRun(() -> HddmW.builder().lambda(0.01).build(), 0.2);
    System.out.printf("Uniform losses, false alarms in 50 x 5,000 and median delay: HDDM-A +0.2: %.0f, %.0f;"
        + " HDDM-W +0.4: %.0f, %.0f; HDDM-W +0.2: %.0f, %.0f; HDDM-W lambda 0.01 +0.2: %.0f, %.0f%n",
        a[0], a[1], w[0], w[1], wSmall[0], wSmall[1], wSlow[0], wSlow[1]);

    assertThat(a[0]).isLessThanOrEqualTo(SEEDS / 5);
    assertThat(a[1]).isLessThan(200);
    assertThat(w[0]).isLessThanOrEqualTo(SEEDS / 5);
    assertThat(w[1]).isLessThan(100);
    assertThat(wSmall[1]).as("with lambda 0.05 the bound stays near 0.42: a smaller, steady shift is missed")
        .isInfinite();
    assertThat(wSlow[0]).isLessThanOrEqualTo(SEEDS / 5);
    assertThat(wSlow[1]).as("a smaller lambda tightens the bound").isLessThan(500);
  }

  @Test
  void hddm_resetForgetsEverything() {
    for (Supplier<StreamingDriftDetector> detector : List.<Supplier<StreamingDriftDetector>>of(
        StreamingDetectors::hddmA, StreamingDetectors::hddmW, HddmTest::hddmATwoSided, HddmTest::hddmWTwoSided)) {
      StreamingDriftDetector used = detector.get();
      SplittableRandom r = new SplittableRandom(4);
      for (int i = 0; i < 500; i++) {
        used.update(r.nextDouble() < 0.3 ? 1 : 0);
      }
      assertThat(used.observations()).isPositive();
      used.reset();
      assertThat(used.observations()).isZero();

      StreamingDriftDetector fresh = detector.get();
      SplittableRandom r1 = new SplittableRandom(5);
      SplittableRandom r2 = new SplittableRandom(5);
      for (int i = 0; i < 3_000; i++) {
        double p = i < 1_500 ? 0.1 : 0.5;
        assertThat(used.update(r1.nextDouble() < p ? 1 : 0)).isEqualTo(fresh.update(r2.nextDouble() < p ? 1 : 0));
        assertThat(used.observations()).isEqualTo(fresh.observations());
      }
    }
  }

  @Test
  void hddm_resetsItselfOnDrift() {
    StreamingDriftDetector d = StreamingDetectors.hddmA();
    assertThat(step(d, 0, 1, 100, 4)).endsWith(DetectorState.DRIFT);
    assertThat(d.observations()).isZero();
    StreamingDriftDetector w = StreamingDetectors.hddmW();
    assertThat(step(w, 0, 1, 100, 15)).endsWith(DetectorState.DRIFT);
    assertThat(w.observations()).isZero();
  }

  @Test
  void hddm_validatesValuesAndParameters() {
    assertThatThrownBy(() -> StreamingDetectors.hddmA().update(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("HDDM-A takes values in [0, 1], got NaN");
    assertThatThrownBy(() -> StreamingDetectors.hddmA().update(1.5))
        .hasMessage("HDDM-A takes values in [0, 1], got 1.5");
    assertThatThrownBy(() -> StreamingDetectors.hddmW().update(-0.25))
        .hasMessage("HDDM-W takes values in [0, 1], got -0.25");
    assertThatThrownBy(() -> StreamingDetectors.hddmW().update(Double.POSITIVE_INFINITY))
        .hasMessage("HDDM-W takes values in [0, 1], got Infinity");
    assertThat(StreamingDetectors.hddmW().update(0.5)).isEqualTo(DetectorState.STABLE);

    assertThatThrownBy(() -> HddmA.builder().driftConfidence(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("driftConfidence must be in (0, 1), was 0.0");
    assertThatThrownBy(() -> HddmA.builder().driftConfidence(Double.NaN))
        .hasMessage("driftConfidence must be in (0, 1), was NaN");
    assertThatThrownBy(() -> HddmW.builder().driftConfidence(0.01).warningConfidence(0.005).build())
        .hasMessage("warningConfidence must be in [driftConfidence, 1) = [0.01, 1), was 0.005");
    assertThatThrownBy(() -> HddmW.builder().warningConfidence(1))
        .hasMessage("warningConfidence must be in (0, 1), was 1.0");
    assertThatThrownBy(() -> HddmW.builder().lambda(0))
        .hasMessage("lambda must be in (0, 1], was 0.0");
    assertThatThrownBy(() -> HddmW.builder().lambda(Double.NaN))
        .hasMessage("lambda must be in (0, 1], was NaN");
    assertThat(HddmW.builder().driftConfidence(0.001).warningConfidence(0.001).lambda(1).twoSided().build().update(1))
        .isEqualTo(DetectorState.STABLE);
  }
}
