package dev.mlops.api.schema;

import java.util.Objects;

/**
 * How a table is validated: the environment, a severity override and how many example rows each
 * violation keeps.
 *
 * <pre>{@code
 * ValidationOptions serving = ValidationOptions.builder()
 *     .environment(Schema.SERVING)
 *     .severityPolicy(SeverityPolicy.ALL_WARNINGS)   // lenient in development
 *     .maxExamples(10)
 *     .build();
 * }</pre>
 *
 * <p>Defaults: no environment, {@link SeverityPolicy#AS_DECLARED}, 5 examples.
 *
 * @param environment the environment name, or an empty string for none
 * @param severityPolicy the severity override
 * @param maxExamples how many failing rows each violation shows, {@code >= 0}
 */
public record ValidationOptions(String environment, SeverityPolicy severityPolicy, int maxExamples) {
  private static final ValidationOptions DEFAULTS = new ValidationOptions("", SeverityPolicy.AS_DECLARED, 5);

  /**
   * Validates the components.
   *
   * @param environment the environment
   * @param severityPolicy the severity policy
   * @param maxExamples the examples per violation
   */
  public ValidationOptions {
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(severityPolicy, "severityPolicy");
    if (maxExamples < 0) {
      throw new IllegalArgumentException("maxExamples must be >= 0, was " + maxExamples);
    }
  }

  /**
   * Returns the defaults.
   *
   * @return no environment, severities as declared, 5 examples
   */
  public static ValidationOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a builder holding the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ValidationOptions}. */
  public static final class Builder {
    private String environment = "";
    private SeverityPolicy severityPolicy = SeverityPolicy.AS_DECLARED;
    private int maxExamples = 5;

    private Builder() {}

    /**
     * Sets the environment (fields may be absent in environments they list).
     *
     * @param environment the environment name
     * @return this builder
     */
    public Builder environment(String environment) {
      this.environment = Objects.requireNonNull(environment, "environment");
      return this;
    }

    /**
     * Sets the severity override.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder severityPolicy(SeverityPolicy policy) {
      this.severityPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Sets how many failing rows each violation shows.
     *
     * @param maxExamples {@code >= 0}
     * @return this builder
     */
    public Builder maxExamples(int maxExamples) {
      if (maxExamples < 0) {
        throw new IllegalArgumentException("maxExamples must be >= 0, was " + maxExamples);
      }
      this.maxExamples = maxExamples;
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     */
    public ValidationOptions build() {
      return new ValidationOptions(environment, severityPolicy, maxExamples);
    }
  }
}
