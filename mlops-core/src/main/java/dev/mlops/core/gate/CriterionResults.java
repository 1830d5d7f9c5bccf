package dev.mlops.core.gate;

import dev.mlops.api.common.Severity;
import dev.mlops.api.gate.Criterion;
import dev.mlops.api.gate.CriterionResult;
import dev.mlops.api.gate.Measurement;
import dev.mlops.api.gate.Verdict;
import java.util.Locale;

/** Makes criterion results and formats their numbers. */
final class CriterionResults {
  private CriterionResults() {}

  /** A failing or inconclusive warning-severity criterion reports WARN. */
  static CriterionResult result(Criterion c, Verdict verdict, Measurement measurement, String reason) {
    Verdict v = c.severity() == Severity.WARNING && verdict != Verdict.PASS ? Verdict.WARN : verdict;
    return new CriterionResult(c.name(), c.metric(), c.severity(), v, measurement, reason);
  }

  static String fmt(double v) {
    return Double.isInfinite(v) ? (v > 0 ? "+inf" : "-inf") : String.format(Locale.ROOT, "%.6g", v);
  }
}
