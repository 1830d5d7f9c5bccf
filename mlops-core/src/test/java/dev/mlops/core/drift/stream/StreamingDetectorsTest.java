package dev.mlops.core.drift.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.api.drift.DetectorState;
import dev.mlops.api.drift.StreamingDriftDetector;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** False alarms on stationary streams and detection delays after a shift, over 50 seeds each. */
class StreamingDetectorsTest {
  static final int SEEDS = 50;

  /** Runs of n error indicators at rate p; returns how many runs raised a drift. */
  static int falseAlarmRuns(Supplier<StreamingDriftDetector> detector, int n, double p) {
    int runs = 0;
    for (int seed = 0; seed < SEEDS; seed++) {
      SplittableRandom r = new SplittableRandom(seed);
      StreamingDriftDetector d = detector.get();
      boolean alarm = false;
      for (int i = 0; i < n && !alarm; i++) {
        alarm = d.update(r.nextDouble() < p ? 1 : 0) == DetectorState.DRIFT;
      }
      runs += alarm ? 1 : 0;
    }
    return runs;
  }

  /** Median observations from an error-rate jump (at 1,000) to the first drift; -1 when missed. */
  static double medianDelay(Supplier<StreamingDriftDetector> detector, double before, double after) {
    double[] delays = new double[SEEDS];
    for (int seed = 0; seed < SEEDS; seed++) {
      SplittableRandom r = new SplittableRandom(1000 + seed);
      StreamingDriftDetector d = detector.get();
      delays[seed] = Double.POSITIVE_INFINITY;
      for (int i = 0; i < 6_000; i++) {
        double p = i < 1_000 ? before : after;
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
  void ddmCatchesAnAbruptShiftMuchSoonerThanItRaisesAFalseAlarm() {
    int alarms = falseAlarmRuns(StreamingDetectors::ddm, 10_000, 0.1);
    double firstFalse = medianFirstAlarm(StreamingDetectors::ddm, 0.1);
    double delay = medianDelay(StreamingDetectors::ddm, 0.1, 0.3);
    System.out.printf("DDM: %d of %d stationary runs alarmed in 10,000; median first false alarm %.0f;"
        + " median delay %.0f%n", alarms, SEEDS, firstFalse, delay);

    assertThat(alarms).isLessThan(SEEDS / 2);
    assertThat(delay).isLessThan(300);
    assertThat(firstFalse).isGreaterThan(20 * delay);
  }

  /** Median observations to the first (false) drift on a stationary error stream. */
  static double medianFirstAlarm(Supplier<StreamingDriftDetector> detector, double p) {
    double[] first = new double[SEEDS];
    for (int seed = 0; seed < SEEDS; seed++) {
      SplittableRandom r = new SplittableRandom(seed);
      StreamingDriftDetector d = detector.get();
      first[seed] = Double.POSITIVE_INFINITY;
      for (int i = 0; i < 20_000; i++) {
        if (d.update(r.nextDouble() < p ? 1 : 0) == DetectorState.DRIFT) {
          first[seed] = i;
          break;
        }
      }
    }
    Arrays.sort(first);
    return first[SEEDS / 2];
  }

  @Test
  void eddmCatchesAnAbruptShiftMuchSoonerThanItRaisesAFalseAlarm() {
    double firstFalse = medianFirstAlarm(StreamingDetectors::eddm, 0.1);
    double delay = medianDelay(StreamingDetectors::eddm, 0.1, 0.4);
    System.out.printf("EDDM: median first false alarm after %.0f; median delay %.0f%n", firstFalse, delay);

    assertThat(delay).isLessThan(200);
    assertThat(firstFalse).isGreaterThan(5 * delay);
  }

  @Test
  void pageHinkleyCatchesMeanShiftsBothWaysAndStaysQuietOtherwise() {
    int alarms = 0;
    double[] upDelays = new double[SEEDS];
    double[] downDelays = new double[SEEDS];
    for (int seed = 0; seed < SEEDS; seed++) {
      SplittableRandom r = new SplittableRandom(seed);
      StreamingDriftDetector quiet = tuned();
      for (int i = 0; i < 10_000; i++) {
        if (quiet.update(r.nextGaussian()) == DetectorState.DRIFT) {
          alarms++;
          break;
        }
      }
      upDelays[seed] = delay(r, 1.0);
      downDelays[seed] = delay(r, -1.0);
    }
    Arrays.sort(upDelays);
    Arrays.sort(downDelays);
    System.out.printf("Page-Hinkley: %d of %d stationary runs alarmed; median delay up %.0f, down %.0f%n",
        alarms, SEEDS, upDelays[SEEDS / 2], downDelays[SEEDS / 2]);

    assertThat(alarms).isLessThanOrEqualTo(SEEDS / 5);
    assertThat(upDelays[SEEDS / 2]).isLessThan(200);
    assertThat(downDelays[SEEDS / 2]).isLessThan(200);
  }

  /** Delta in the data's units: half of the one-standard-deviation shift to detect. */
  private static StreamingDriftDetector tuned() {
    return PageHinkley.builder().minObservations(30).delta(0.5).threshold(50).alpha(1 - 1e-4).conventions(Conventions.RIVER).side(Side.BOTH).build();
  }

  private static double delay(SplittableRandom r, double shift) {
    StreamingDriftDetector d = tuned();
    for (int i = 0; i < 5_000; i++) {
      if (d.update(r.nextGaussian() + (i >= 1_000 ? shift : 0)) == DetectorState.DRIFT && i >= 1_000) {
        return i - 1_000;
      }
    }
    return Double.POSITIVE_INFINITY;
  }

  @Test
  void adwinIsQuietOnStationaryStreamsAndShrinksItsWindowAfterAShift() {
    int alarms = falseAlarmRuns(StreamingDetectors::adwin, 10_000, 0.2);
    double delay = medianDelay(StreamingDetectors::adwin, 0.2, 0.6);
    System.out.printf("ADWIN: %d of %d stationary runs alarmed in 10,000; median delay %.0f%n", alarms, SEEDS, delay);

    assertThat(alarms).isLessThanOrEqualTo(SEEDS / 10);
    assertThat(delay).isLessThan(150);
    Adwin adwin = (Adwin) StreamingDetectors.adwin();
    SplittableRandom r = new SplittableRandom(77);
    for (int i = 0; i < 20_000; i++) {
      adwin.update(r.nextGaussian() * 0.1 + (i < 10_000 ? 1 : 2));
    }
    assertThat(adwin.observations()).as("window holds the new regime only").isLessThan(10_001);
    assertThat(adwin.estimate()).isCloseTo(2.0, within(0.01));
  }

  @Test
  void kswinDetectsADistributionChangeSoonerThanItRaisesAFalseAlarmAndIsReproducible() {
    double[] delays = new double[SEEDS];
    double[] firstFalse = new double[SEEDS];
    for (int seed = 0; seed < SEEDS; seed++) {
      SplittableRandom r = new SplittableRandom(seed);
      StreamingDriftDetector quiet = StreamingDetectors.kswin(seed);
      firstFalse[seed] = Double.POSITIVE_INFINITY;
      for (int i = 0; i < 10_000; i++) {
        if (quiet.update(r.nextGaussian()) == DetectorState.DRIFT) {
          firstFalse[seed] = i;
          break;
        }
      }
      StreamingDriftDetector d = StreamingDetectors.kswin(seed);
      delays[seed] = Double.POSITIVE_INFINITY;
      for (int i = 0; i < 3_000; i++) {
        if (d.update(r.nextGaussian() + (i < 1_000 ? 0 : 2)) == DetectorState.DRIFT && i >= 1_000) {
          delays[seed] = i - 1_000;
          break;
        }
      }
    }
    Arrays.sort(delays);
    Arrays.sort(firstFalse);
    System.out.printf("KSWIN: median first false alarm %.0f; median delay after a 2-sigma shift %.0f%n",
        firstFalse[SEEDS / 2], delays[SEEDS / 2]);

    assertThat(delays[SEEDS / 2]).isLessThan(60);
    assertThat(firstFalse[SEEDS / 2]).isGreaterThan(5 * delays[SEEDS / 2]);
    SplittableRandom r1 = new SplittableRandom(5);
    SplittableRandom r2 = new SplittableRandom(5);
    StreamingDriftDetector a = StreamingDetectors.kswin(9);
    StreamingDriftDetector b = StreamingDetectors.kswin(9);
    for (int i = 0; i < 3_000; i++) {
      assertThat(a.update(r1.nextGaussian())).isEqualTo(b.update(r2.nextGaussian()));
    }
  }

  @Test
  void adwinKeepsBoundedMemoryOnLongStreams() {
    Adwin adwin = (Adwin) StreamingDetectors.adwin();
    SplittableRandom r = new SplittableRandom(78);
    for (int i = 0; i < 1_000_000; i++) {
      adwin.update(r.nextDouble());
    }
    assertThat(adwin.observations()).isEqualTo(1_000_000);
    assertThat(adwin.estimate()).isCloseTo(0.5, within(0.002));
  }

  @Test
  void detectorsResetAfterDriftAndValidateInput() {
    StreamingDriftDetector ddm = StreamingDetectors.ddm();
    for (int i = 0; i < 100; i++) {
      ddm.update(0);
    }
    assertThat(ddm.observations()).isEqualTo(100);
    ddm.reset();
    assertThat(ddm.observations()).isZero();
    assertThatThrownBy(() -> ddm.update(0.5)).hasMessage("an error-rate detector takes 0 (correct) or 1 (error), got 0.5");
    assertThatThrownBy(() -> StreamingDetectors.pageHinkley().update(Double.NaN))
        .hasMessage("Page-Hinkley takes finite values, got NaN");
    assertThatThrownBy(() -> PageHinkley.builder().minObservations(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
