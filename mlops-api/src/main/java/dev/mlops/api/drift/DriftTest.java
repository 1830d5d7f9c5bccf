package dev.mlops.api.drift;

import dev.mlops.api.data.Column;

/**
 * SPI: a drift method with its threshold, applied to a reference column and a current column of
 * the same kind. Implementations compare non-null values only (a report handles nulls as a
 * finding of their own) and throw {@link IllegalArgumentException} naming the column when a side
 * has no value to compare.
 */
public interface DriftTest {

  /** @return the method */
  DriftMethod method();

  /** @return the significance level or distance threshold */
  double threshold();

  /**
   * Scores the drift from {@code reference} to {@code current}.
   *
   * @param reference the reference column
   * @param current the current column
   * @return the score
   * @throws IllegalArgumentException if the columns' kinds do not suit the method, or a side has no
   *     non-null value (or holds NaN where the method cannot take it)
   */
  DriftScore test(Column reference, Column current);
}
