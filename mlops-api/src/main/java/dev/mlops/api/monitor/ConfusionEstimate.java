package dev.mlops.api.monitor;

/**
 * The expected confusion matrix of a binary classifier on rows whose labels are not known yet: each
 * count is a sum of probabilities, so it need not be a whole number (see {@link PerformanceEstimate}).
 *
 * <pre>{@code
 * ConfusionEstimate c = estimate.confusion();
 * double expectedMisses = c.falseNegatives();
 * }</pre>
 *
 * @param truePositives expected true positives: the sum of p over predicted positives
 * @param falsePositives expected false positives: the sum of 1 - p over predicted positives
 * @param falseNegatives expected false negatives: the sum of p over predicted negatives
 * @param trueNegatives expected true negatives: the sum of 1 - p over predicted negatives
 */
public record ConfusionEstimate(double truePositives, double falsePositives, double falseNegatives,
    double trueNegatives) {

  /**
   * Validates the counts.
   *
   * @param truePositives expected true positives
   * @param falsePositives expected false positives
   * @param falseNegatives expected false negatives
   * @param trueNegatives expected true negatives
   * @throws IllegalArgumentException if a count is negative or not finite (the message names it)
   */
  public ConfusionEstimate {
    checkCount("truePositives", truePositives);
    checkCount("falsePositives", falsePositives);
    checkCount("falseNegatives", falseNegatives);
    checkCount("trueNegatives", trueNegatives);
  }

  private static void checkCount(String name, double value) {
    if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(name + " must be a finite count >= 0, was " + value);
    }
  }
}
