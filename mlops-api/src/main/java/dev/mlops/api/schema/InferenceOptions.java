package dev.mlops.api.schema;

import dev.mlops.api.internal.BuilderCalls;

/**
 * How {@code Schemas.of(reference, options)} (in {@code dev.mlops.core.schema}) infers a schema
 * from reference data.
 *
 * <pre>{@code
 * InferenceOptions options = InferenceOptions.builder().rangeSlack(0.1).maxDomainSize(20).build();
 * Schema schema = Schemas.of(reference, options);
 * }</pre>
 *
 * @param rangeSlack how far an inferred numeric range reaches past the observed minimum and
 *     maximum, as a share of the observed width ({@code 0.1} widens {@code [10, 20]} to {@code [9, 21]});
 *     a range that starts at or above 0 never reaches below 0, and integral ranges are rounded
 *     outward to whole numbers. Default 0: the observed range
 * @param nullSlack what is added to a column's observed null fraction to give its maximum; a
 *     column without nulls is inferred not-null whatever this is. Default 0.05
 * @param maxDomainSize the largest number of distinct strings that becomes a domain; more (or more
 *     than half the non-null values, the shape of an identifier) and no domain is inferred.
 *     Default 50
 * @param domainMostly the {@code mostly} of inferred domains. Default 1
 * @param minRowsForUnique the smallest number of non-null values from which an all-distinct
 *     integral or categorical column is inferred unique. Default 100
 * @param inferRanges whether numeric ranges are inferred at all. Default true
 */
public record InferenceOptions(double rangeSlack, double nullSlack, int maxDomainSize, double domainMostly,
    int minRowsForUnique, boolean inferRanges) {

  private static final InferenceOptions DEFAULTS = new InferenceOptions(0, 0.05, 50, 1.0, 100, true);

  /**
   * Validates the components.
   *
   * @param rangeSlack the range slack, finite and {@code >= 0}
   * @param nullSlack the null slack, in {@code [0, 1]}
   * @param maxDomainSize the largest inferred domain, {@code >= 0}
   * @param domainMostly the inferred domains' {@code mostly}, in {@code [0, 1]}
   * @param minRowsForUnique the smallest sample for uniqueness, {@code >= 2}
   * @param inferRanges whether to infer ranges
   */
  public InferenceOptions {
    checkRangeSlack(rangeSlack);
    checkFraction("nullSlack", nullSlack);
    checkMaxDomainSize(maxDomainSize);
    checkFraction("domainMostly", domainMostly);
    checkMinRowsForUnique(minRowsForUnique);
  }

  /**
   * Returns the defaults: the observed range, null slack 0.05, domains of up to 50 values with
   * {@code mostly} 1, uniqueness from 100 values.
   *
   * @return the default options
   */
  public static InferenceOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a builder holding the defaults. Each setting may be given once; a second call, or
   * {@link Builder#rangeSlack} together with {@link Builder#noRanges()}, throws
   * {@link IllegalStateException} naming both.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  private static void checkRangeSlack(double rangeSlack) {
    if (!(rangeSlack >= 0) || Double.isInfinite(rangeSlack)) {
      throw new IllegalArgumentException("rangeSlack must be finite and >= 0, was " + rangeSlack);
    }
  }

  private static void checkFraction(String what, double v) {
    if (!(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException(what + " must be in [0, 1], was " + v);
    }
  }

  private static void checkMaxDomainSize(int maxDomainSize) {
    if (maxDomainSize < 0) {
      throw new IllegalArgumentException("maxDomainSize must be >= 0, was " + maxDomainSize);
    }
  }

  private static void checkMinRowsForUnique(int minRowsForUnique) {
    if (minRowsForUnique < 2) {
      throw new IllegalArgumentException("minRowsForUnique must be >= 2, was " + minRowsForUnique);
    }
  }

  /** Builds {@link InferenceOptions}; every setter validates its argument at once. */
  public static final class Builder {
    private double rangeSlack = DEFAULTS.rangeSlack();
    private double nullSlack = DEFAULTS.nullSlack();
    private int maxDomainSize = DEFAULTS.maxDomainSize();
    private double domainMostly = DEFAULTS.domainMostly();
    private int minRowsForUnique = DEFAULTS.minRowsForUnique();
    private boolean inferRanges = DEFAULTS.inferRanges();
    private final BuilderCalls calls = new BuilderCalls();

    private Builder() {}


    /**
     * Sets how far inferred ranges reach past the observed extremes (default 0).
     *
     * @param rangeSlack share of the observed width added on each side, finite and {@code >= 0}
     * @return this builder
     * @throws IllegalArgumentException if out of range
     * @throws IllegalStateException if called twice, or after {@link #noRanges()}
     */
    public Builder rangeSlack(double rangeSlack) {
      checkRangeSlack(rangeSlack);
      String call = "rangeSlack(" + rangeSlack + ")";
      if (calls.has("inferRanges")) {
        throw new IllegalStateException("ranges were already turned off by noRanges(); cannot also call " + call);
      }
      calls.once("rangeSlack", call);
      this.rangeSlack = rangeSlack;
      return this;
    }

    /**
     * Sets what is added to observed null fractions (default 0.05).
     *
     * @param nullSlack in {@code [0, 1]}
     * @return this builder
     * @throws IllegalArgumentException if out of range
     * @throws IllegalStateException if called twice
     */
    public Builder nullSlack(double nullSlack) {
      checkFraction("nullSlack", nullSlack);
      calls.once("nullSlack", "nullSlack(" + nullSlack + ")");
      this.nullSlack = nullSlack;
      return this;
    }

    /**
     * Sets the largest number of distinct values that becomes a domain (default 50).
     *
     * @param maxDomainSize {@code >= 0}; 0 infers no domain
     * @return this builder
     * @throws IllegalArgumentException if negative
     * @throws IllegalStateException if called twice
     */
    public Builder maxDomainSize(int maxDomainSize) {
      checkMaxDomainSize(maxDomainSize);
      calls.once("maxDomainSize", "maxDomainSize(" + maxDomainSize + ")");
      this.maxDomainSize = maxDomainSize;
      return this;
    }

    /**
     * Sets the {@code mostly} of inferred domains (default 1).
     *
     * @param domainMostly in {@code [0, 1]}
     * @return this builder
     * @throws IllegalArgumentException if out of range
     * @throws IllegalStateException if called twice
     */
    public Builder domainMostly(double domainMostly) {
      checkFraction("domainMostly", domainMostly);
      calls.once("domainMostly", "domainMostly(" + domainMostly + ")");
      this.domainMostly = domainMostly;
      return this;
    }

    /**
     * Sets the smallest number of values from which uniqueness is inferred (default 100).
     *
     * @param minRowsForUnique {@code >= 2}
     * @return this builder
     * @throws IllegalArgumentException if below 2
     * @throws IllegalStateException if called twice
     */
    public Builder minRowsForUnique(int minRowsForUnique) {
      checkMinRowsForUnique(minRowsForUnique);
      calls.once("minRowsForUnique", "minRowsForUnique(" + minRowsForUnique + ")");
      this.minRowsForUnique = minRowsForUnique;
      return this;
    }

    /**
     * Infers no numeric range (default: ranges are inferred).
     *
     * @return this builder
     * @throws IllegalStateException if called twice, or after {@link #rangeSlack}
     */
    public Builder noRanges() {
      String slack = calls.find("rangeSlack").orElse(null);
      if (slack != null) {
        throw new IllegalStateException("rangeSlack was already set by " + slack
            + "; cannot also call noRanges(): without ranges there is no slack to apply");
      }
      calls.once("inferRanges", "noRanges()");
      this.inferRanges = false;
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     */
    public InferenceOptions build() {
      return new InferenceOptions(rangeSlack, nullSlack, maxDomainSize, domainMostly, minRowsForUnique, inferRanges);
    }
  }
}
