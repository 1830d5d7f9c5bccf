package dev.mlops.api.profile;

import java.util.List;

/** The profile of a categorical (or boolean) column: distinct count and frequent values. */
public interface CategoricalProfile extends ColumnProfile {

  /**
   * A frequent value with its estimated count and error bounds.
   *
   * @param value the value
   * @param estimate the estimated count
   * @param lowerBound a guaranteed lower bound of the count
   * @param upperBound a guaranteed upper bound of the count
   */
  record FrequentItem(String value, long estimate, long lowerBound, long upperBound) {}

  /** @return the estimated number of distinct non-null values */
  double distinctEstimate();

  /** @return the most frequent values, most frequent first */
  List<FrequentItem> frequentItems();
}
