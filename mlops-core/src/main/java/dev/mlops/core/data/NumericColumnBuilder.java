package dev.mlops.core.data;

import dev.mlops.api.data.NumericColumn;
import java.util.Arrays;
import java.util.BitSet;

/**
 * Appends values to a {@link NumericColumn}; single use.
 *
 * <pre>{@code
 * NumericColumn age = Columns.numericBuilder("age").integral().add(31).addNull().add(47).build();
 * }</pre>
 */
public final class NumericColumnBuilder {
  private final String name;
  private double[] values;
  private int size;
  private BitSet nulls;
  private boolean integral;
  private boolean built;

  NumericColumnBuilder(String name, int expectedSize) {
    this.name = Columns.checkName(name);
    this.values = new double[Math.max(16, expectedSize)];
  }

  /**
   * Declares the column integral: every non-null value must then be a finite whole number
   * (default: not integral, a {@code NUMERIC} column).
   *
   * @return this builder
   * @throws IllegalStateException if called twice
   */
  public NumericColumnBuilder integral() {
    checkNotBuilt();
    if (integral) {
      throw new IllegalStateException("column '" + name + "' was already declared integral");
    }
    this.integral = true;
    return this;
  }

  /** Declares the column integral when {@code integral} is true (for code that copies a column). */
  NumericColumnBuilder integralIf(boolean integral) {
    checkNotBuilt();
    this.integral = integral;
    return this;
  }

  /**
   * Appends a value ({@code NaN} and infinities are values, not nulls).
   *
   * @param value the value
   * @return this builder
   */
  public NumericColumnBuilder add(double value) {
    checkNotBuilt();
    if (size == values.length) {
      grow();
    }
    values[size++] = value;
    return this;
  }

  /**
   * Appends a null.
   *
   * @return this builder
   */
  public NumericColumnBuilder addNull() {
    checkNotBuilt();
    if (nulls == null) {
      nulls = new BitSet(values.length);
    }
    nulls.set(size);
    return add(Double.NaN);
  }

  /**
   * Appends a value, or a null when {@code value} is null.
   *
   * @param value the value or null
   * @return this builder
   */
  public NumericColumnBuilder addNullable(Double value) {
    return value == null ? addNull() : add(value);
  }

  /**
   * Returns the number of values appended so far.
   *
   * @return the size
   */
  public int size() {
    return size;
  }

  /**
   * Builds the column.
   *
   * @return the column
   * @throws IllegalArgumentException if the column was declared integral and holds a value that
   *     is not a finite whole number (the message gives the row and value)
   * @throws IllegalStateException if already built
   */
  public NumericColumn build() {
    checkNotBuilt();
    if (integral) {
      for (int i = 0; i < size; i++) {
        double v = values[i];
        if (!isWhole(v) && !(nulls != null && nulls.get(i))) {
          throw new IllegalArgumentException(
              "column '" + name + "' is declared integral but row " + i + " holds " + v);
        }
      }
    }
    built = true;
    double[] exact = values.length == size ? values : Arrays.copyOf(values, size);
    values = null;
    return new ArrayNumericColumn(name, exact, size, Columns.compact(nulls), integral);
  }

  static boolean isWhole(double v) {
    return v == Math.rint(v) && !Double.isInfinite(v);
  }

  /** Marks the column as NUMERIC again after it was started as INTEGRAL (inference widening). */
  void widenToNumeric() {
    integral = false;
  }

  private void grow() {
    values = Arrays.copyOf(values, Columns.grownCapacity(values.length));
  }

  private void checkNotBuilt() {
    if (built) {
      throw new IllegalStateException("builder of column '" + name + "' was already built");
    }
  }
}
