package dev.mlops.api.gate;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of a quality gate: {@link Verdict#FAIL} if an error criterion failed, else
 * {@link Verdict#INCONCLUSIVE} if an error criterion could not decide, else {@link Verdict#WARN}
 * if a warning criterion did not hold, else {@link Verdict#PASS}.
 *
 * @param verdict the overall verdict
 * @param criteria every criterion's result, in the gate's order
 */
public record GateResult(Verdict verdict, List<CriterionResult> criteria) {
  /**
   * Validates and copies the components.
   *
   * @param verdict the verdict
   * @param criteria the criteria results
   */
  public GateResult {
    Objects.requireNonNull(verdict, "verdict");
    criteria = List.copyOf(Objects.requireNonNull(criteria, "criteria"));
  }

  /**
   * Combines criterion results into a gate result.
   *
   * @param criteria the results
   * @return the gate result with its overall verdict
   */
  public static GateResult of(List<CriterionResult> criteria) {
    Verdict overall = Verdict.PASS;
    for (CriterionResult c : criteria) {
      Verdict v = c.verdict();
      if (v.compareTo(overall) > 0) {
        overall = v;
      }
    }
    return new GateResult(overall, criteria);
  }

  /** @return whether the gate passed (PASS or WARN) */
  public boolean passed() {
    return verdict == Verdict.PASS || verdict == Verdict.WARN;
  }

  /**
   * Renders the result for a person: the verdict, then every criterion.
   *
   * @return the text
   */
  public String toText() {
    StringBuilder sb = new StringBuilder("Quality gate: ").append(verdict).append(System.lineSeparator());
    for (CriterionResult c : criteria) {
      sb.append("  ").append(c).append(System.lineSeparator());
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return toText();
  }
}
