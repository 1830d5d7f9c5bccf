package dev.mlops.core.drift.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.api.drift.DetectorState;
import dev.mlops.api.drift.StreamingDriftDetector;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Every detector tells, at its signal, the side that fired and the statistic against its threshold. */
class SignalsTest {
  private static final double[] RISE = Replay.stream("river/doctest_12345_two_regimes.txt");
  private static final double[] ERRORS = Replay.stream("river/doctest_42_error_rise.txt");
  private static final double[] UP_DOWN = Replay.stream("river/test_data_stream_3.txt");

  /** Feeds values until the first update returning {@code state}; returns the signal read then. */
  private static <D extends StreamingDriftDetector> Signal first(D d, double[] values, DetectorState state,
      Function<D, Optional<Signal>> read) {
    for (double v : values) {
      DetectorState got = d.update(v);
      if (got == state) {
        return read.apply(d).orElseThrow();
      }
      if (got == DetectorState.STABLE) {
        assertThat(read.apply(d)).as("no signal after a STABLE update").isEmpty();
      }
    }
    throw new AssertionError("no " + state);
  }

  @Test
  void adwin_tellsTheSideTheDifferenceAndTheBoundAtTheCut() {
    Adwin a = Adwin.builder().conventions(Conventions.RIVER).build();
    Signal s = first(a, RISE, DetectorState.DRIFT, Adwin::lastSignal);
    assertThat(s.side()).isEqualTo(Side.UP);
    assertThat(s.statistic()).isGreaterThan(s.threshold()).isGreaterThan(0);
    assertThat(a.widthAtLastDrift()).isPresent();
    a.update(5);
    assertThat(a.lastSignal()).isEmpty();
    assertThat(a.widthAtLastDrift()).isEmpty();
  }

  @Test
  void ddmAndHddm_tellTheStatisticAboveItsThreshold() {
    for (DetectorState state : new DetectorState[] {DetectorState.WARNING, DetectorState.DRIFT}) {
      Signal ddm = first(Ddm.builder().build(), ERRORS, state, Ddm::lastSignal);
      assertThat(ddm.state()).isEqualTo(state);
      assertThat(ddm.statistic()).isGreaterThan(ddm.threshold());
      Signal hddmA = first(HddmA.builder().build(), ERRORS, state, HddmA::lastSignal);
      assertThat(hddmA.statistic()).isGreaterThanOrEqualTo(hddmA.threshold());
      Signal hddmW = first(HddmW.builder().build(), ERRORS, state, HddmW::lastSignal);
      assertThat(hddmW.statistic()).isGreaterThan(hddmW.threshold());
    }
  }

  @Test
  void eddm_tellsTheRatioBelowItsThreshold() {
    Signal s = first(Eddm.builder().conventions(Conventions.RIVER).warningRatio(0.8).driftRatio(0.75).build(),
        ERRORS, DetectorState.DRIFT, Eddm::lastSignal);
    assertThat(s.threshold()).isEqualTo(0.75);
    assertThat(s.statistic()).isLessThan(0.75);
  }

  @Test
  void twoSidedDetectors_tellWhichSideFired() {
    Signal down = first(PageHinkley.builder().conventions(Conventions.RIVER).side(Side.DOWN).build(), UP_DOWN,
        DetectorState.DRIFT, PageHinkley::lastSignal);
    assertThat(down.side()).isEqualTo(Side.DOWN);
    assertThat(down.statistic()).isGreaterThan(50.0);
    assertThat(down.threshold()).isEqualTo(50.0);
    Signal up = first(PageHinkley.builder().build(), RISE, DetectorState.DRIFT, PageHinkley::lastSignal);
    assertThat(up.side()).isEqualTo(Side.UP);
    Signal hddm = first(HddmA.builder().twoSided().build(), UP_DOWN, DetectorState.DRIFT, HddmA::lastSignal);
    assertThat(hddm.side()).isIn(Side.UP, Side.DOWN);
    Signal kswin = first(Kswin.builder().seed(1).alpha(0.0001).build(), RISE, DetectorState.DRIFT,
        Kswin::lastSignal);
    assertThat(kswin.side()).isEqualTo(Side.UP);
    assertThat(kswin.statistic()).isLessThanOrEqualTo(kswin.threshold());
  }

  @Test
  void aSignalIsAWarningOrADriftOnOneSide() {
    assertThatThrownBy(() -> new Signal(DetectorState.STABLE, Side.UP, 1, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("STABLE");
    assertThatThrownBy(() -> new Signal(DetectorState.DRIFT, Side.BOTH, 1, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BOTH");
    assertThatThrownBy(() -> new Signal(null, Side.UP, 1, 0)).isInstanceOf(NullPointerException.class)
        .hasMessage("state");
  }
}
