package dev.mlops.api.drift;

/**
 * A way to measure how far a column moved. Tests with a p-value flag drift when the (corrected)
 * p-value is below the threshold; distances flag drift when the distance is at least the threshold.
 */
public enum DriftMethod {
  /** Two-sample Kolmogorov-Smirnov test (numeric). */
  KOLMOGOROV_SMIRNOV(true, true, false),
  /** Mann-Whitney U test (numeric). */
  MANN_WHITNEY(true, true, false),
  /** Two-sample Cramér-von Mises test (numeric). */
  CRAMER_VON_MISES(true, true, false),
  /** k-sample Anderson-Darling test on the two samples (numeric; p-value interpolated, in [0.001, 0.25]). */
  ANDERSON_DARLING(true, true, false),
  /** Pearson's chi-square test of homogeneity (categorical). */
  CHI_SQUARE(true, false, true),
  /** G-test, the log-likelihood ratio test of homogeneity (categorical). */
  G_TEST(true, false, true),
  /** First Wasserstein distance, in the data's units (numeric). */
  WASSERSTEIN(false, true, false),
  /** Wasserstein distance divided by the reference's standard deviation (numeric). */
  WASSERSTEIN_NORMED(false, true, false),
  /** Energy distance (numeric). */
  ENERGY_DISTANCE(false, true, false),
  /** Population stability index (numeric on reference-quantile bins, or categorical). */
  PSI(false, true, true),
  /** Jensen-Shannon distance, base 2 (numeric on bins, or categorical). */
  JENSEN_SHANNON(false, true, true),
  /** Hellinger distance (numeric on bins, or categorical). */
  HELLINGER(false, true, true),
  /** Kullback-Leibler divergence of current from reference (numeric on bins, or categorical). */
  KL_DIVERGENCE(false, true, true),
  /** Total variation distance (numeric on bins, or categorical). */
  TOTAL_VARIATION(false, true, true);

  private final boolean hasPValue;
  private final boolean numeric;
  private final boolean categorical;

  DriftMethod(boolean hasPValue, boolean numeric, boolean categorical) {
    this.hasPValue = hasPValue;
    this.numeric = numeric;
    this.categorical = categorical;
  }

  /** @return whether the method is a test with a p-value (else a distance with a threshold) */
  public boolean hasPValue() {
    return hasPValue;
  }

  /** @return whether the method applies to numeric (and timestamp) columns */
  public boolean appliesToNumeric() {
    return numeric;
  }

  /** @return whether the method applies to categorical (and boolean) columns */
  public boolean appliesToCategorical() {
    return categorical;
  }
}
