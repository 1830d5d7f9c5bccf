package dev.mlops.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.sun.management.ThreadMXBean;
import dev.mlops.api.drift.DetectorState;
import dev.mlops.api.drift.StreamingDriftDetector;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link StreamingDriftDetector} must have, as its javadoc states it. Subclass
 * it, say which values the detector takes, and JUnit runs every contract test against it:
 *
 * <pre>{@code
 * class MyDetectorContractTest extends StreamingDetectorContractTest {
 *   @Override
 *   protected StreamingDriftDetector newDetector() {
 *     return new MyDetector(0.002);
 *   }
 *
 *   @Override
 *   protected Domain domain() {
 *     return Domain.UNIT_INTERVAL;
 *   }
 *
 *   @Override
 *   protected boolean promisesNoAllocation() {
 *     return true;                          // only if its documentation says so
 *   }
 * }
 * }</pre>
 *
 * <p>The kit checks: every update returns a state and counts one observation between drifts; a
 * DRIFT forgets the old regime and is followed by STABLE; {@code reset()} makes the detector as
 * new; NaN, infinities and values outside the domain throw {@link IllegalArgumentException} naming
 * the value and change nothing; the same values give the same states; an obvious abrupt change is
 * detected within {@link #detectionBound()} values; and, where the detector promises it, a million
 * updates allocate nothing. Every stream is seeded. A check that a detector is known to fail may be
 * overridden with {@code @Test @Disabled("reason, with the issue")} in the subclass.
 */
public abstract class StreamingDetectorContractTest {
  /** Values per regime in the streams the kit makes. */
  protected static final int REGIME = 2_000;
  private static final int ALLOCATION_UPDATES = 1_000_000;
  private static final long ALLOCATION_TOLERANCE_BYTES = 64 * 1024;

  /** The values a detector takes. */
  protected enum Domain {
    /** 0 (a correct prediction) or 1 (an error). */
    ERROR_INDICATORS,
    /** Any value in {@code [0, 1]}. */
    UNIT_INTERVAL,
    /** Any finite value. */
    FINITE
  }

  /** What a detector keeps of its observations on drift. */
  protected enum OnDrift {
    /** It resets itself: {@code observations()} is 0 after a DRIFT. */
    RESETS,
    /** It keeps the newest part of its window: {@code observations()} falls, not necessarily to 0. */
    KEEPS_NEWEST_VALUES
  }

  /** Creates the kit. */
  protected StreamingDetectorContractTest() {}

  /**
   * Creates a new detector, configured the same way on every call.
   *
   * @return the detector
   */
  protected abstract StreamingDriftDetector newDetector();

  /** @return the values the detector takes */
  protected abstract Domain domain();

  /** @return what the detector keeps on drift; {@link OnDrift#RESETS} unless overridden */
  protected OnDrift onDrift() {
    return OnDrift.RESETS;
  }

  /** @return whether the detector's documentation promises updates without allocation; false unless overridden */
  protected boolean promisesNoAllocation() {
    return false;
  }

  /** @return the most values after an obvious abrupt change before the detector must signal DRIFT; 500 unless overridden */
  protected int detectionBound() {
    return 500;
  }

  // ------------------------------------------------------------------ streams

  /**
   * A value of a regime: error indicators at rate {@code level}; values in {@code [0, 1]} around
   * {@code level}; or normal values with mean {@code 10 * level} and standard deviation 1.
   */
  private double value(SplittableRandom r, double level) {
    return switch (domain()) {
      case ERROR_INDICATORS -> r.nextDouble() < level ? 1 : 0;
      case UNIT_INTERVAL -> Math.min(1, Math.max(0, level + (r.nextDouble() - 0.5) * 0.2));
      case FINITE -> 10 * level + r.nextGaussian();
    };
  }

  /** Regimes of {@link #REGIME} values each, at the given levels. */
  private double[] stream(long seed, double... levels) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] v = new double[levels.length * REGIME];
    for (int i = 0; i < v.length; i++) {
      v[i] = value(r, levels[i / REGIME]);
    }
    return v;
  }

  /** A long stream that moves up and down, with abrupt changes of every size. */
  private double[] mixed(long seed) {
    return stream(seed, 0.1, 0.5, 0.1, 0.9, 0.3, 0.1, 0.7, 0.2, 0.9, 0.1);
  }

  private static List<DetectorState> states(StreamingDriftDetector d, double[] values) {
    List<DetectorState> states = new ArrayList<>(values.length);
    for (double v : values) {
      states.add(d.update(v));
    }
    return states;
  }

  private static List<Long> observationCounts(StreamingDriftDetector d, double[] values) {
    List<Long> counts = new ArrayList<>(values.length);
    for (double v : values) {
      d.update(v);
      counts.add(d.observations());
    }
    return counts;
  }

  private List<Double> invalidValues() {
    List<Double> invalid = new ArrayList<>(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
    switch (domain()) {
      case ERROR_INDICATORS -> invalid.addAll(List.of(0.5, -1.0, 2.0));
      case UNIT_INTERVAL -> invalid.addAll(List.of(-0.01, 1.01));
      case FINITE -> { }
    }
    return invalid;
  }

  // ------------------------------------------------------------------ the contract

  /** A new detector has seen nothing; each update returns a state and, between drifts, counts one observation. */
  @Test
  public void update_returnsAStateAndCountsOneObservationBetweenDrifts() {
    StreamingDriftDetector d = newDetector();
    assertThat(d.observations()).as("a new detector's observations").isZero();
    long before = 0;
    double[] values = mixed(1);
    for (int i = 0; i < values.length; i++) {
      DetectorState state = d.update(values[i]);
      assertThat(state).as("state at update %d", i).isNotNull();
      if (state != DetectorState.DRIFT) {
        assertThat(d.observations()).as("observations after update %d (%s)", i, state).isEqualTo(before + 1);
      }
      before = d.observations();
    }
  }

  /** A DRIFT forgets the old regime (observations fall; to 0 for a detector that resets) and is followed by STABLE. */
  @Test
  public void drift_forgetsTheOldRegimeAndIsFollowedByStable() {
    StreamingDriftDetector d = newDetector();
    double[] values = mixed(2);
    long before = 0;
    int drifts = 0;
    DetectorState previous = DetectorState.STABLE;
    for (int i = 0; i < values.length; i++) {
      DetectorState state = d.update(values[i]);
      if (previous == DetectorState.DRIFT) {
        assertThat(state).as("state at update %d, right after a DRIFT", i).isEqualTo(DetectorState.STABLE);
      }
      if (state == DetectorState.DRIFT) {
        drifts++;
        assertThat(d.observations()).as("observations after the DRIFT at update %d", i).isLessThanOrEqualTo(before);
        if (onDrift() == OnDrift.RESETS) {
          assertThat(d.observations()).as("observations after the DRIFT at update %d", i).isZero();
        }
      }
      before = d.observations();
      previous = state;
    }
    assertThat(drifts).as("drifts on a stream with nine abrupt changes").isPositive();
  }

  /** {@code reset()} sets the observations to 0 and makes the detector behave exactly as a new one. */
  @Test
  public void reset_makesTheDetectorBehaveAsNew() {
    StreamingDriftDetector used = newDetector();
    states(used, mixed(3));
    used.reset();
    assertThat(used.observations()).as("observations after reset()").isZero();

    double[] values = mixed(4);
    assertThat(states(used, values)).as("states after reset() against a new detector's")
        .isEqualTo(states(newDetector(), values));
  }

  /** NaN, infinities and values outside the domain throw an exception naming the value, and change nothing. */
  @Test
  public void invalidValues_areRejectedNamingTheValueAndChangeNothing() {
    double[] prefix = stream(5, 0.1, 0.5);
    double[] rest = stream(6, 0.5, 0.1, 0.9);
    for (double bad : invalidValues()) {
      StreamingDriftDetector d = newDetector();
      StreamingDriftDetector twin = newDetector();
      states(d, prefix);
      states(twin, prefix);
      long observations = d.observations();

      assertThatThrownBy(() -> d.update(bad)).as("update(%s)", bad)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(String.valueOf(bad));

      assertThat(d.observations()).as("observations after the rejected %s", bad).isEqualTo(observations);
      assertThat(states(d, rest)).as("states after the rejected %s against a detector that never saw it", bad)
          .isEqualTo(states(twin, rest));
    }
  }

  /** Two detectors fed the same values give the same states and observation counts. */
  @Test
  public void sameValues_giveTheSameStates() {
    double[] values = mixed(7);
    assertThat(states(newDetector(), values)).isEqualTo(states(newDetector(), values));
    assertThat(observationCounts(newDetector(), values)).isEqualTo(observationCounts(newDetector(), values));
  }

  /** After a stable regime, an obvious abrupt change is signalled within {@link #detectionBound()} values. */
  @Test
  public void anAbruptChange_isDetectedWithinTheBound() {
    for (long seed = 10; seed < 15; seed++) {
      double[] values = stream(seed, 0.1, 0.9);
      List<DetectorState> states = states(newDetector(), values);
      int first = states.subList(REGIME, values.length).indexOf(DetectorState.DRIFT);
      assertThat(first).as("values after the change (seed %d) before the first DRIFT; -1 if none", seed)
          .isBetween(0, detectionBound() - 1);
    }
  }

  /** Where the detector promises it, a million updates after warm-up allocate (almost) nothing. */
  @Test
  public void update_doesNotAllocate() {
    assumeThat(promisesNoAllocation()).as("the detector promises updates without allocation").isTrue();
    assumeThat(ManagementFactory.getThreadMXBean()).as("a ThreadMXBean that measures allocation")
        .isInstanceOf(ThreadMXBean.class);
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    assumeThat(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled())
        .as("thread allocation measurement enabled").isTrue();
    double[] values = stream(8, 0.2, 0.2);
    StreamingDriftDetector d = newDetector();
    int sink = feed(d, values, 200_000);

    long before = threads.getCurrentThreadAllocatedBytes();
    sink += feed(d, values, ALLOCATION_UPDATES);
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;

    assertThat(sink).isNotNegative();
    assertThat(allocated).as("bytes allocated by %,d updates", ALLOCATION_UPDATES)
        .isLessThan(ALLOCATION_TOLERANCE_BYTES);
  }

  private static int feed(StreamingDriftDetector d, double[] values, int updates) {
    int drifts = 0;
    for (int i = 0; i < updates; i++) {
      if (d.update(values[i % values.length]) == DetectorState.DRIFT) {
        drifts++;
      }
    }
    return drifts;
  }
}
