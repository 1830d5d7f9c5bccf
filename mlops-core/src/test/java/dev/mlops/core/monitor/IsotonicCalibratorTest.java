package dev.mlops.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsotonicCalibratorTest {

  @Test
  void fit_isMonotoneAndWithinTheLabelRange() {
    // given
    SplittableRandom rng = new SplittableRandom(1);
    double[] scores = new double[5000];
    boolean[] labels = new boolean[5000];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = rng.nextGaussian();
      labels[i] = rng.nextDouble() < 1 / (1 + Math.exp(-3 * scores[i]));
    }

    // when
    IsotonicCalibrator c = IsotonicCalibrator.fit(scores, labels);

    // then
    double previous = -1;
    for (double s = -6; s <= 6; s += 0.001) {
      double p = c.apply(s);
      assertThat(p).as("apply(%s)", s).isBetween(0.0, 1.0).isGreaterThanOrEqualTo(previous);
      previous = p;
    }
    assertThat(c.apply(-1e300)).isEqualTo(c.fittedProbabilities()[0]);
    assertThat(c.apply(1e300)).isEqualTo(c.fittedProbabilities()[c.fittedProbabilities().length - 1]);
  }

  @Test
  void identity_returnsTheScoreAndRejectsNonProbabilities() {
    IsotonicCalibrator id = IsotonicCalibrator.identity();
    assertThat(id.isIdentity()).isTrue();
    assertThat(id.apply(0.0)).isEqualTo(0.0);
    assertThat(id.apply(0.37)).isEqualTo(0.37);
    assertThat(id.apply(1.0)).isEqualTo(1.0);
    assertThat(id.fittedScores()).isEmpty();
    assertThatThrownBy(() -> id.apply(1.01)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1.01").hasMessageContaining("[0, 1]");
    assertThatThrownBy(() -> id.apply(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NaN");
  }

  @Test
  void fit_rejectsBadInputNamingTheProblem() {
    assertThatThrownBy(() -> IsotonicCalibrator.fit(new double[0], new boolean[0]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    assertThatThrownBy(() -> IsotonicCalibrator.fit(new double[] {0.1, 0.2}, new boolean[] {true}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scores has 2 rows but labels has 1");
    assertThatThrownBy(() -> IsotonicCalibrator.fit(new double[] {0.1, Double.NaN, 0.3}, new boolean[] {true, false, true}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scores[1] is NaN");
    assertThatThrownBy(() -> IsotonicCalibrator.fit(new double[] {0.1, Double.NEGATIVE_INFINITY}, new boolean[] {true, false}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scores[1] is -Infinity");
    assertThatThrownBy(() -> IsotonicCalibrator.fit(new double[] {0.1, 0.2}, new boolean[] {false, false}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("single class").hasMessageContaining("negative");
    assertThatThrownBy(() -> IsotonicCalibrator.fit(new double[] {0.1, 0.2}, new boolean[] {true, true}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("single class").hasMessageContaining("positive");
    assertThatNullPointerException().isThrownBy(() -> IsotonicCalibrator.fit(null, new boolean[0])).withMessage("scores");
    assertThatNullPointerException().isThrownBy(() -> IsotonicCalibrator.fit(new double[0], null)).withMessage("labels");

    IsotonicCalibrator c = IsotonicCalibrator.fit(new double[] {0, 1}, new boolean[] {false, true});
    assertThatThrownBy(() -> c.apply(Double.NaN)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
    assertThatThrownBy(() -> c.apply(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Infinity");
  }

  @Test
  void equalFitsAreEqualAndFittedArraysAreCopies() {
    double[] s = {0.3, 0.1, 0.9, 0.5};
    boolean[] y = {false, false, true, true};
    IsotonicCalibrator a = IsotonicCalibrator.fit(s, y);
    IsotonicCalibrator b = IsotonicCalibrator.fit(s.clone(), y.clone());
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(IsotonicCalibrator.identity());
    a.fittedScores()[0] = 42;
    a.fittedProbabilities()[0] = 42;
    assertThat(a).isEqualTo(b);
    assertThat(a.toString()).contains("points");
  }
}
