package dev.mlops.api.drift;

import dev.mlops.api.data.Column;
import dev.mlops.api.data.ColumnType;

/**
 * SPI: a drift method of your own, with its threshold. Register it for a column in
 * {@link DriftOptions} and drift reports use it there and show it by its {@link #name()}; the
 * built-in methods are available as tests too ({@code Drift.test(DriftMethod.PSI, 0.2)}).
 *
 * <pre>{@code
 * DriftTest medianShift = new DriftTest() {
 *   public String name() { return "MEDIAN_SHIFT"; }
 *   public double threshold() { return 5.0; }                         // in the data's units
 *   public boolean appliesTo(ColumnType type) { return type.isNumeric(); }
 *   public DriftStatistic measure(Column reference, Column current) {
 *     return DriftStatistic.distance(Math.abs(median(current) - median(reference)));
 *   }
 * };
 * DriftOptions options = DriftOptions.builder().test("income", medianShift).build();
 * }</pre>
 *
 * <p>A report calls {@link #measure} only for a column whose type the test {@link #appliesTo}
 * and whose two sides both hold a value to compare; nulls and, in numeric columns, NaN and the
 * infinities are still in the columns it receives, for the test to leave out. A statistic with a
 * p-value takes part in the report's multiple-testing correction and drifts when the corrected
 * p-value is below the threshold; a distance drifts when it is at least the threshold. The report
 * adds the effect size and null shares, as for the built-in methods. Implementations are
 * stateless, or at least safe to call from several threads at once.
 */
public interface DriftTest {

  /**
   * Returns the name reports show for this test: in {@link DriftScore#method()} and the JSON field
   * {@code method}. A user's test must not take a built-in {@link DriftMethod}'s name.
   *
   * @return the name, not blank
   */
  String name();

  /**
   * Returns the threshold: the significance level when {@link #measure} gives a p-value, else the
   * distance from which the column drifted.
   *
   * @return the threshold, finite and {@code >= 0}
   */
  double threshold();

  /**
   * Returns whether the test applies to columns of this type; a report does not test other columns
   * with it and says why.
   *
   * @param type a column type
   * @return whether the test applies
   */
  boolean appliesTo(ColumnType type);

  /**
   * Measures the drift from {@code reference} to {@code current}.
   *
   * @param reference the reference column
   * @param current the current column, of a type the test applies to
   * @return the statistic, with its p-value for a test that has one
   * @throws IllegalArgumentException if the columns cannot be compared by this test; a report then
   *     shows the column as not tested, with the message as the reason
   */
  DriftStatistic measure(Column reference, Column current);
}
