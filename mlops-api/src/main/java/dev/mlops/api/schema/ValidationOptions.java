package dev.mlops.api.schema;

import dev.mlops.api.internal.BuilderCalls;
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
 * <p>Defaults: no environment, {@link SeverityPolicy#AS_DECLARED}, 5 examples. Each builder
 * setting may be given once: a second call throws {@link IllegalStateException} naming both.
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

  /** Builds {@link ValidationOptions}; every setter validates its argument at once. */
  public static final class Builder {
    private String environment = DEFAULTS.environment();
    private SeverityPolicy severityPolicy = DEFAULTS.severityPolicy();
    private int maxExamples = DEFAULTS.maxExamples();
    private final BuilderCalls calls = new BuilderCalls();

    private Builder() {}


    /**
     * Sets the environment (fields may be absent in environments they list; default none).
     *
     * @param environment the environment name
     * @return this builder
     * @throws IllegalStateException if called twice
     */
    public Builder environment(String environment) {
      Objects.requireNonNull(environment, "environment");
      calls.once("environment", "environment(\"" + environment + "\")");
      this.environment = environment;
      return this;
    }

    /**
     * Sets the severity override (default {@link SeverityPolicy#AS_DECLARED}).
     *
     * @param policy the policy
     * @return this builder
     * @throws IllegalStateException if called twice
     */
    public Builder severityPolicy(SeverityPolicy policy) {
      Objects.requireNonNull(policy, "policy");
      calls.once("severityPolicy", "severityPolicy(" + policy + ")");
      this.severityPolicy = policy;
      return this;
    }

    /**
     * Sets how many failing rows each violation shows (default 5).
     *
     * @param maxExamples {@code >= 0}
     * @return this builder
     * @throws IllegalArgumentException if negative
     * @throws IllegalStateException if called twice
     */
    public Builder maxExamples(int maxExamples) {
      if (maxExamples < 0) {
        throw new IllegalArgumentException("maxExamples must be >= 0, was " + maxExamples);
      }
      calls.once("maxExamples", "maxExamples(" + maxExamples + ")");
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
