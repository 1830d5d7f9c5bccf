package dev.mlops.api.gate;

/** A model quality metric, with the direction in which it improves. */
public enum Metric {
  /** Share of correct predictions. */
  ACCURACY(true, true),
  /** Mean recall over the classes present in the truth. */
  BALANCED_ACCURACY(true, true),
  /** Precision averaged over classes (unweighted). */
  PRECISION_MACRO(true, true),
  /** Precision over all predictions (equals accuracy for single-label classification). */
  PRECISION_MICRO(true, true),
  /** Precision averaged over classes, weighted by their support. */
  PRECISION_WEIGHTED(true, true),
  /** Recall averaged over classes (unweighted). */
  RECALL_MACRO(true, true),
  /** Recall over all predictions. */
  RECALL_MICRO(true, true),
  /** Recall averaged over classes, weighted by their support. */
  RECALL_WEIGHTED(true, true),
  /** F1 averaged over classes (unweighted). */
  F1_MACRO(true, true),
  /** F1 over all predictions. */
  F1_MICRO(true, true),
  /** F1 averaged over classes, weighted by their support. */
  F1_WEIGHTED(true, true),
  /** Area under the ROC curve: binary, or one-vs-rest averaged over classes for multiclass. */
  ROC_AUC(true, true),
  /** One-vs-rest ROC AUC weighted by class prevalence (equals {@link #ROC_AUC} for binary). */
  ROC_AUC_WEIGHTED(true, true),
  /** Average precision (area under the precision-recall curve, step-wise), binary. */
  AVERAGE_PRECISION(true, true),
  /** Cross-entropy of the predicted probabilities. */
  LOG_LOSS(false, true),
  /** Mean squared error of the predicted probabilities. */
  BRIER(false, true),
  /** Expected calibration error over 10 equal-width confidence bins. */
  EXPECTED_CALIBRATION_ERROR(false, true),
  /** Root mean squared error. */
  RMSE(false, false),
  /** Mean absolute error. */
  MAE(false, false),
  /** Coefficient of determination. */
  R2(true, false),
  /** Mean absolute percentage error (as a fraction, not per cent). */
  MAPE(false, false);

  private final boolean higherIsBetter;
  private final boolean classification;

  Metric(boolean higherIsBetter, boolean classification) {
    this.higherIsBetter = higherIsBetter;
    this.classification = classification;
  }

  /** @return whether a larger value is better */
  public boolean higherIsBetter() {
    return higherIsBetter;
  }

  /** @return whether the metric applies to classification (else regression) */
  public boolean forClassification() {
    return classification;
  }

  /** @return whether the metric needs class scores or probabilities (not only predicted labels) */
  public boolean needsScores() {
    return switch (this) {
      case ROC_AUC, ROC_AUC_WEIGHTED, AVERAGE_PRECISION, LOG_LOSS, BRIER, EXPECTED_CALIBRATION_ERROR -> true;
      default -> false;
    };
  }
}
