package dev.mlops.api.schema;

import dev.mlops.api.common.Severity;

/**
 * A schema-wide override of the severities declared on constraints, chosen at validation time so
 * the same schema file can be strict in production and lenient in development.
 */
public enum SeverityPolicy {
  /** Each constraint keeps its declared severity (the default). */
  AS_DECLARED,
  /** Every violation is an error. */
  ALL_ERRORS,
  /** Every violation is a warning. */
  ALL_WARNINGS;

  /**
   * Applies the policy to a declared severity.
   *
   * @param declared the constraint's severity
   * @return the severity to report
   */
  public Severity apply(Severity declared) {
    return switch (this) {
      case AS_DECLARED -> declared;
      case ALL_ERRORS -> Severity.ERROR;
      case ALL_WARNINGS -> Severity.WARNING;
    };
  }
}
