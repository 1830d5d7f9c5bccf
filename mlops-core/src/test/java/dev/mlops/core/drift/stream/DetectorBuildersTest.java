package dev.mlops.core.drift.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.api.drift.DetectorState;
import dev.mlops.api.drift.StreamingDriftDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The detectors' builders: documented defaults, validation at once, and a second call refused. */
class DetectorBuildersTest {

  private static List<DetectorState> run(StreamingDriftDetector d, boolean errors) {
    SplittableRandom r = new SplittableRandom(3);
    List<DetectorState> states = new ArrayList<>();
    for (int i = 0; i < 4_000; i++) {
      double p = i < 2_000 ? 0.1 : 0.5;
      states.add(d.update(errors ? (r.nextDouble() < p ? 1 : 0) : r.nextGaussian() + (i < 2_000 ? 0 : 3)));
    }
    return states;
  }

  @Test
  void buildersWithTheDocumentedDefaultsBehaveAsTheFactories() {
    assertThat(run(PageHinkley.builder().minObservations(30).delta(0.005).threshold(50).alpha(1 - 1e-4).build(), false))
        .isEqualTo(run(StreamingDetectors.pageHinkley(), false)).contains(DetectorState.DRIFT);
    assertThat(run(Adwin.builder().delta(0.002).build(), false)).isEqualTo(run(StreamingDetectors.adwin(), false))
        .contains(DetectorState.DRIFT);
    assertThat(run(Kswin.builder().seed(4).alpha(0.005).windowSize(100).statSize(30).build(), false))
        .isEqualTo(run(StreamingDetectors.kswin(4), false)).contains(DetectorState.DRIFT);
    assertThat(run(Ddm.builder().minObservations(30).warningLevel(2).driftLevel(3).build(), true))
        .isEqualTo(run(StreamingDetectors.ddm(), true)).contains(DetectorState.WARNING, DetectorState.DRIFT);
    assertThat(run(Eddm.builder().minErrors(30).warningRatio(0.95).driftRatio(0.9).build(), true))
        .isEqualTo(run(StreamingDetectors.eddm(), true)).contains(DetectorState.DRIFT);
    assertThat(run(HddmA.builder().driftConfidence(0.001).warningConfidence(0.005).build(), true))
        .isEqualTo(run(StreamingDetectors.hddmA(), true)).contains(DetectorState.DRIFT);
    assertThat(run(HddmW.builder().driftConfidence(0.001).warningConfidence(0.005).lambda(0.05).build(), true))
        .isEqualTo(run(StreamingDetectors.hddmW(), true)).contains(DetectorState.DRIFT);
  }

  @Test
  void everyParameterHasItsDocumentedDefault() {
    assertThat(run(Adwin.builder().delta(0.002).clock(32).maxBuckets(5).minWindowLength(5).gracePeriod(10)
        .conventions(Conventions.MOA).build(), false)).isEqualTo(run(StreamingDetectors.adwin(), false));
    assertThat(run(Ddm.builder().conventions(Conventions.RIVER).build(), true))
        .isEqualTo(run(StreamingDetectors.ddm(), true));
    assertThat(run(Eddm.builder().minObservations(30).conventions(Conventions.MOA).build(), true))
        .isEqualTo(run(StreamingDetectors.eddm(), true));
    assertThat(run(HddmW.builder().conventions(Conventions.MOA).build(), true))
        .isEqualTo(run(StreamingDetectors.hddmW(), true));
    assertThat(run(PageHinkley.builder().side(Side.UP).conventions(Conventions.MOA).build(), false))
        .isEqualTo(run(StreamingDetectors.pageHinkley(), false));
    assertThat(PageHinkley.builder().conventions(Conventions.MOA).build()).hasToString(
        "PageHinkley[minObservations=30, delta=0.005, threshold=50.0, alpha=0.9999, side=UP, conventions=MOA]");
    assertThat(Adwin.builder().build()).hasToString(
        "Adwin[delta=0.002, clock=32, maxBuckets=5, minWindowLength=5, gracePeriod=10, conventions=MOA]");
  }

  @Test
  void contradictingAndNullSettingsAreRefused() {
    assertThatThrownBy(() -> HddmA.builder().twoSided().restartOnDecrease())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("sides was already set by twoSided(); cannot also call restartOnDecrease()");
    assertThatThrownBy(() -> HddmW.builder().restartOnDecrease().twoSided())
        .hasMessage("sides was already set by restartOnDecrease(); cannot also call twoSided()");
    assertThatThrownBy(() -> Kswin.builder().keepNewestOnDrift().keepNewestOnDrift())
        .hasMessage("onDrift was already set by keepNewestOnDrift(); cannot also call keepNewestOnDrift()");
    assertThatThrownBy(() -> Adwin.builder().conventions(Conventions.MOA).conventions(Conventions.RIVER))
        .hasMessage("conventions was already set by conventions(MOA); cannot also call conventions(RIVER)");
    assertThatThrownBy(() -> PageHinkley.builder().side(null))
        .isInstanceOf(NullPointerException.class).hasMessage("side must not be null");
    assertThatThrownBy(() -> Ddm.builder().conventions(null))
        .isInstanceOf(NullPointerException.class).hasMessage("conventions must not be null");
    assertThatThrownBy(() -> Adwin.builder().clock(0)).hasMessage("clock must be >= 1, was 0");
    assertThatThrownBy(() -> Adwin.builder().maxBuckets(1)).hasMessage("maxBuckets must be >= 2, was 1");
    assertThatThrownBy(() -> Adwin.builder().minWindowLength(0)).hasMessage("minWindowLength must be >= 1, was 0");
    assertThatThrownBy(() -> Adwin.builder().gracePeriod(-1)).hasMessage("gracePeriod must be >= 0, was -1");
    assertThatThrownBy(() -> Eddm.builder().minObservations(0)).hasMessage("minObservations must be >= 1, was 0");
  }

  @Test
  void adwinExposesItsWindowAndRefusesAnEstimateOfNothing() {
    Adwin a = Adwin.builder().build();
    assertThatThrownBy(a::estimate).isInstanceOf(IllegalStateException.class).hasMessageContaining("empty");
    assertThatThrownBy(a::variance).isInstanceOf(IllegalStateException.class).hasMessageContaining("empty");
    a.update(1);
    a.update(3);
    assertThat(a.width()).isEqualTo(2);
    assertThat(a.estimate()).isEqualTo(2.0);
    assertThat(a.variance()).isEqualTo(1.0);
    assertThat(a.widthAtLastDrift()).isEmpty();
  }

  @Test
  void aSetterCalledTwiceThrowsNamingBothCalls() {
    assertThatThrownBy(() -> PageHinkley.builder().delta(0.5).delta(0.1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("delta was already set by delta(0.5); cannot also call delta(0.1)");
    assertThatThrownBy(() -> HddmA.builder().twoSided().twoSided())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("sides was already set by twoSided(); cannot also call twoSided()");
    assertThatThrownBy(() -> HddmW.builder().lambda(0.01).lambda(0.05))
        .hasMessage("lambda was already set by lambda(0.01); cannot also call lambda(0.05)");
    assertThatThrownBy(() -> Kswin.builder().seed(1).seed(2))
        .hasMessage("seed was already set by seed(1); cannot also call seed(2)");
    assertThatThrownBy(() -> Adwin.builder().delta(0.01).delta(0.01))
        .hasMessage("delta was already set by delta(0.01); cannot also call delta(0.01)");
    assertThatThrownBy(() -> Ddm.builder().driftLevel(3).driftLevel(4))
        .hasMessage("driftLevel was already set by driftLevel(3.0); cannot also call driftLevel(4.0)");
    assertThatThrownBy(() -> Eddm.builder().minErrors(10).minErrors(20))
        .hasMessage("minErrors was already set by minErrors(10); cannot also call minErrors(20)");
  }

  @Test
  void settersRejectOutOfRangeValuesAtOnceNamingTheRange() {
    assertThatThrownBy(() -> PageHinkley.builder().minObservations(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("minObservations must be >= 1, was 0");
    assertThatThrownBy(() -> PageHinkley.builder().delta(-1)).hasMessage("delta must be finite and >= 0, was -1.0");
    assertThatThrownBy(() -> PageHinkley.builder().threshold(Double.POSITIVE_INFINITY))
        .hasMessage("threshold must be finite and > 0, was Infinity");
    assertThatThrownBy(() -> PageHinkley.builder().alpha(0)).hasMessage("alpha must be in (0, 1], was 0.0");
    assertThatThrownBy(() -> Adwin.builder().delta(1)).hasMessage("delta must be in (0, 1), was 1.0");
    assertThatThrownBy(() -> Kswin.builder().alpha(Double.NaN)).hasMessage("alpha must be in (0, 1), was NaN");
    assertThatThrownBy(() -> Kswin.builder().windowSize(1)).hasMessage("windowSize must be >= 2, was 1");
    assertThatThrownBy(() -> Kswin.builder().statSize(0)).hasMessage("statSize must be >= 1, was 0");
    assertThatThrownBy(() -> Ddm.builder().warningLevel(0)).hasMessage("warningLevel must be finite and > 0, was 0.0");
    assertThatThrownBy(() -> Eddm.builder().warningRatio(1)).hasMessage("warningRatio must be in (0, 1), was 1.0");
  }

  @Test
  void buildChecksSettingsThatDependOnEachOther() {
    assertThatThrownBy(() -> Kswin.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("KSWIN samples at random and needs a seed: call seed(long)");
    assertThatThrownBy(() -> Kswin.builder().seed(1).windowSize(50).statSize(30).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("windowSize 50 must be >= 2 * statSize = 60");
    assertThatThrownBy(() -> Ddm.builder().warningLevel(3).driftLevel(2).build())
        .hasMessage("driftLevel 2.0 must be >= warningLevel 3.0");
    assertThatThrownBy(() -> Eddm.builder().warningRatio(0.8).driftRatio(0.9).build())
        .hasMessage("driftRatio 0.9 must be <= warningRatio 0.8");
    assertThatThrownBy(() -> HddmA.builder().driftConfidence(0.01).warningConfidence(0.005).build())
        .hasMessage("warningConfidence must be in [driftConfidence, 1) = [0.01, 1), was 0.005");
  }

  @Test
  void detectorsNameTheirSettings() {
    assertThat(PageHinkley.builder().delta(0.5).build())
        .hasToString("PageHinkley[minObservations=30, delta=0.5, threshold=50.0, alpha=0.9999, side=UP, conventions=MOA]");
    assertThat(HddmW.builder().twoSided().build())
        .hasToString("HddmW[driftConfidence=0.001, warningConfidence=0.005, lambda=0.05, sides=BOTH, conventions=MOA]");
    assertThat(StreamingDetectors.kswin(7)).hasToString("Kswin[alpha=0.005, windowSize=100, statSize=30, seed=7]");
  }
}
