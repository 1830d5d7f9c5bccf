package dev.mlops.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DoubleSortTest {

  @Test
  void radixSortAgreesWithArraysSortBitForBit() {
    SplittableRandom r = new SplittableRandom(5);
    for (int n : new int[] {0, 1, 100, 5_000, 100_000}) {
      double[] a = new double[n];
      for (int i = 0; i < n; i++) {
        a[i] = switch (r.nextInt(10)) {
          case 0 -> -0.0;
          case 1 -> 0.0;
          case 2 -> Double.NEGATIVE_INFINITY;
          case 3 -> Double.POSITIVE_INFINITY;
          case 4 -> Double.NaN;
          case 5 -> Double.MIN_VALUE * (r.nextBoolean() ? 1 : -1);
          case 6 -> r.nextInt(10);
          default -> r.nextGaussian() * Math.pow(10, r.nextInt(-300, 300));
        };
      }
      double[] expected = a.clone();
      Arrays.sort(expected);

      DoubleSort.sort(a);

      for (int i = 0; i < n; i++) {
        assertThat(Double.doubleToLongBits(a[i])).as("n=%d i=%d", n, i).isEqualTo(Double.doubleToLongBits(expected[i]));
      }
    }
  }

  @Test
  void sortedAndConstantInputsStaySorted() {
    double[] same = new double[10_000];
    Arrays.fill(same, 3.5);
    double[] ascending = new double[10_000];
    for (int i = 0; i < ascending.length; i++) {
      ascending[i] = i - 5000;
    }
    double[] a = same.clone();
    double[] b = ascending.clone();

    DoubleSort.sort(a);
    DoubleSort.sort(b);

    assertThat(a).containsExactly(same);
    assertThat(b).containsExactly(ascending);
  }
}
