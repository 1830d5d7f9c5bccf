package dev.mlops.core.schema;

/**
 * How {@link Schemas#infer} turns reference data into a schema.
 *
 * <pre>{@code
 * InferenceOptions options = InferenceOptions.builder().rangeSlack(0.1).maxDomainSize(20).build();
 * Schema schema = Schemas.infer(reference, options);
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
 * @param inferRanges whether to infer numeric ranges at all. Default true
 */
public record InferenceOptions(double rangeSlack, double nullSlack, int maxDomainSize, double domainMostly,
    int minRowsForUnique, boolean inferRanges) {

  /**
   * Validates the components.
   *
   * @param rangeSlack the range slack, {@code >= 0}
   * @param nullSlack the null slack, in {@code [0, 1]}
   * @param maxDomainSize the largest inferred domain, {@code >= 0}
   * @param domainMostly the inferred domains' {@code mostly}, in {@code [0, 1]}
   * @param minRowsForUnique the smallest sample for uniqueness, {@code >= 2}
   * @param inferRanges whether to infer ranges
   */
  public InferenceOptions {
    if (!(rangeSlack >= 0) || Double.isInfinite(rangeSlack)) {
      throw new IllegalArgumentException("rangeSlack must be finite and >= 0, was " + rangeSlack);
    }
    if (!(nullSlack >= 0 && nullSlack <= 1)) {
      throw new IllegalArgumentException("nullSlack must be in [0, 1], was " + nullSlack);
    }
    if (maxDomainSize < 0) {
      throw new IllegalArgumentException("maxDomainSize must be >= 0, was " + maxDomainSize);
    }
    if (!(domainMostly >= 0 && domainMostly <= 1)) {
      throw new IllegalArgumentException("domainMostly must be in [0, 1], was " + domainMostly);
    }
    if (minRowsForUnique < 2) {
      throw new IllegalArgumentException("minRowsForUnique must be >= 2, was " + minRowsForUnique);
    }
  }

  /**
   * Returns the defaults.
   *
   * @return the default options
   */
  public static InferenceOptions defaults() {
    return builder().build();
  }

  /**
   * Returns a builder holding the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link InferenceOptions}. */
  public static final class Builder {
    private double rangeSlack = 0;
    private double nullSlack = 0.05;
    private int maxDomainSize = 50;
    private double domainMostly = 1.0;
    private int minRowsForUnique = 100;
    private boolean inferRanges = true;

    private Builder() {}

    /**
     * @param rangeSlack share of the observed width added on each side, {@code >= 0}
     * @return this builder
     */
    public Builder rangeSlack(double rangeSlack) {
      this.rangeSlack = rangeSlack;
      return this;
    }

    /**
     * @param nullSlack added to observed null fractions, in {@code [0, 1]}
     * @return this builder
     */
    public Builder nullSlack(double nullSlack) {
      this.nullSlack = nullSlack;
      return this;
    }

    /**
     * @param maxDomainSize the largest inferred domain
     * @return this builder
     */
    public Builder maxDomainSize(int maxDomainSize) {
      this.maxDomainSize = maxDomainSize;
      return this;
    }

    /**
     * @param domainMostly the inferred domains' {@code mostly}
     * @return this builder
     */
    public Builder domainMostly(double domainMostly) {
      this.domainMostly = domainMostly;
      return this;
    }

    /**
     * @param minRowsForUnique the smallest sample from which uniqueness is inferred
     * @return this builder
     */
    public Builder minRowsForUnique(int minRowsForUnique) {
      this.minRowsForUnique = minRowsForUnique;
      return this;
    }

    /**
     * @param inferRanges whether to infer numeric ranges
     * @return this builder
     */
    public Builder inferRanges(boolean inferRanges) {
      this.inferRanges = inferRanges;
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     * @throws IllegalArgumentException if a value is out of range
     */
    public InferenceOptions build() {
      return new InferenceOptions(rangeSlack, nullSlack, maxDomainSize, domainMostly, minRowsForUnique, inferRanges);
    }
  }
}
