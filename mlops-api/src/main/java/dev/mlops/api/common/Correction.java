package dev.mlops.api.common;

/** A multiple-testing correction of the p-values of a drift report's column tests. */
public enum Correction {
  /** None: each column at the significance level. */
  NONE,
  /** Bonferroni: p times the number of tests (family-wise error rate). */
  BONFERRONI,
  /** Holm's step-down method (family-wise error rate, uniformly more powerful than Bonferroni). */
  HOLM,
  /** Benjamini-Hochberg step-up method (false discovery rate). */
  BENJAMINI_HOCHBERG
}
