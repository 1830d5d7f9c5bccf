package dev.mlops.testing;

import dev.mlops.api.gate.CriterionResult;
import dev.mlops.api.gate.GateResult;
import dev.mlops.api.gate.Verdict;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link GateResult}. A failure prints every criterion with its value, baseline and
 * reason.
 *
 * <pre>{@code
 * assertThat(gate.evaluate(candidate, champion)).passed();
 * }</pre>
 */
public final class GateResultAssert extends AbstractAssert<GateResultAssert, GateResult> {

  GateResultAssert(GateResult actual) {
    super(actual, GateResultAssert.class);
  }

  /**
   * Verifies that the gate passed (PASS, or WARN from warning criteria only).
   *
   * @return this
   */
  public GateResultAssert passed() {
    isNotNull();
    if (!actual.passed()) {
      failWithMessage("Expected the quality gate to pass but it is %s:%n%s", actual.verdict(), render(actual));
    }
    return this;
  }

  /**
   * Verifies the overall verdict.
   *
   * @param expected the verdict
   * @return this
   */
  public GateResultAssert hasVerdict(Verdict expected) {
    isNotNull();
    if (actual.verdict() != expected) {
      failWithMessage("Expected the quality gate to be %s but it is %s:%n%s", expected, actual.verdict(), render(actual));
    }
    return this;
  }

  private static String render(GateResult result) {
    StringBuilder sb = new StringBuilder();
    for (CriterionResult c : result.criteria()) {
      sb.append("  ").append(c).append(String.format("%n"));
    }
    return sb.toString();
  }
}
