package dev.mlops.core.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Distances refuse vectors that are not proportions (issue 13, finding 11). */
class DistancesSumTest {
  private static final double[] NOT_PROPORTIONS = {1, 1, 0};
  private static final double[] Q = {0, 0, 1};

  @Test
  void totalVariationAndHellinger_rejectProportionsThatDoNotSumToOne() {
    // Before: totalVariation gave 1.5, outside its own range [0, 1].
    assertThatThrownBy(() -> Distances.totalVariation(NOT_PROPORTIONS, Q)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sum to 1").hasMessageContaining("p sums to 2.0");
    assertThatThrownBy(() -> Distances.hellinger(Q, new double[] {0.2, 0.2, 0.2}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("q to 0.6");
    assertThatThrownBy(() -> Distances.psi(NOT_PROPORTIONS, Q, 1e-4)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Distances.klDivergence(NOT_PROPORTIONS, Q, 1e-4)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void roundingWithinTheStatedTolerance_isAccepted() {
    double third = 1.0 / 3;
    double[] p = {third, third, third};
    double[] q = {0.5 + Distances.SUM_TOLERANCE / 2, 0.25, 0.25};
    assertThat(Distances.totalVariation(p, q)).isBetween(0.0, 1.0);
    assertThat(Distances.hellinger(p, q)).isBetween(0.0, 1.0);
    assertThat(Distances.totalVariation(new double[] {0.1, 0.2, 0.7}, Q)).isEqualTo(0.3, within(1e-15));
  }

  @Test
  void jensenShannon_stillNormalisesItsInputs_asScipyDoes() {
    assertThat(Distances.jensenShannon(new double[] {0.5, 0}, new double[] {0.25, 0})).isZero();
  }
}
