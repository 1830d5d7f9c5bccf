package dev.mlops.core.drift;

import static java.util.Objects.requireNonNull;

import dev.mlops.api.common.Correction;
import dev.mlops.api.drift.DriftMethod;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How {@link Drift} compares tables.
 *
 * <h2>Automatic choice of method</h2>
 * Unless a column has its own method ({@link Builder#method(String, DriftMethod)}):
 * <ul>
 *   <li>numeric and timestamp columns: Kolmogorov-Smirnov when both sides have at most
 *       {@code autoSampleLimit} values (default 1,000), else Wasserstein distance normalised by the
 *       reference's standard deviation, threshold 0.1;
 *   <li>categorical and boolean columns: chi-square when both sides have at most
 *       {@code autoSampleLimit} values, else Jensen-Shannon distance, threshold 0.1.
 * </ul>
 * On large samples a p-value flags shifts too small to matter, so distances take over there
 * (Evidently's rule). P-value tests use the significance level {@code alpha} (default 0.05), corrected
 * across columns by {@code correction} (default Benjamini-Hochberg). Default distance thresholds:
 * 0.1 for normed Wasserstein, Jensen-Shannon, Hellinger and total variation, 0.2 for PSI, 0.1 for KL;
 * raw Wasserstein and energy distance are in the data's units and need a threshold set per column.
 *
 * <p>Numeric bins for PSI, Jensen-Shannon, Hellinger, KL and total variation come from the
 * reference's quantiles ({@code bins}, default 10); zero proportions become {@code epsilon} (default
 * 1e-4) in PSI and KL. The dataset drifted when the share of drifted columns reaches
 * {@code shareThreshold} (default 0.5).
 */
public final class DriftOptions {
  private final double alpha;
  private final Correction correction;
  private final int autoSampleLimit;
  private final double shareThreshold;
  private final int bins;
  private final double epsilon;
  private final Map<String, DriftMethod> methods;
  private final Map<String, Double> thresholds;
  private final Map<DriftMethod, Double> defaultThresholds;

  private DriftOptions(Builder b) {
    this.alpha = b.alpha;
    this.correction = b.correction;
    this.autoSampleLimit = b.autoSampleLimit;
    this.shareThreshold = b.shareThreshold;
    this.bins = b.bins;
    this.epsilon = b.epsilon;
    this.methods = Map.copyOf(b.methods);
    this.thresholds = Map.copyOf(b.thresholds);
    this.defaultThresholds = new EnumMap<>(b.defaultThresholds);
  }

  /** @return the defaults */
  public static DriftOptions defaults() {
    return builder().build();
  }

  /** @return a builder holding the defaults */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the significance level of p-value tests */
  public double alpha() {
    return alpha;
  }

  /** @return the multiple-testing correction */
  public Correction correction() {
    return correction;
  }

  /** @return the sample size up to which the automatic choice uses a p-value test */
  public int autoSampleLimit() {
    return autoSampleLimit;
  }

  /** @return the share of drifted columns from which the dataset drifted */
  public double shareThreshold() {
    return shareThreshold;
  }

  /** @return the number of reference-quantile bins */
  public int bins() {
    return bins;
  }

  /** @return the replacement of zero proportions in PSI and KL */
  public double epsilon() {
    return epsilon;
  }

  /**
   * Returns the method for a column of the given kind and sample sizes.
   *
   * @param column the column name
   * @param numeric whether the column is numeric (or a timestamp)
   * @param referenceSize reference values
   * @param currentSize current values
   * @return the method
   */
  public DriftMethod methodFor(String column, boolean numeric, long referenceSize, long currentSize) {
    DriftMethod chosen = methods.get(column);
    if (chosen != null) {
      return chosen;
    }
    boolean small = referenceSize <= autoSampleLimit && currentSize <= autoSampleLimit;
    if (numeric) {
      return small ? DriftMethod.KOLMOGOROV_SMIRNOV : DriftMethod.WASSERSTEIN_NORMED;
    }
    return small ? DriftMethod.CHI_SQUARE : DriftMethod.JENSEN_SHANNON;
  }

  /**
   * Returns the threshold for a column and method: the column's own, else alpha for p-value tests,
   * else the method's default distance threshold.
   *
   * @param column the column
   * @param method the method
   * @return the threshold
   * @throws IllegalArgumentException if a distance in the data's units has no threshold for this column
   */
  public double thresholdFor(String column, DriftMethod method) {
    Double own = thresholds.get(column);
    if (own != null) {
      return own;
    }
    if (method.hasPValue()) {
      return alpha;
    }
    Double d = defaultThresholds.get(method);
    if (d == null) {
      throw new IllegalArgumentException("column '" + column + "': " + method
          + " is in the data's units and has no default threshold; set one with DriftOptions.Builder.threshold");
    }
    return d;
  }

  /** Builds {@link DriftOptions}; setters validate at once. */
  public static final class Builder {
    private double alpha = 0.05;
    private Correction correction = Correction.BENJAMINI_HOCHBERG;
    private int autoSampleLimit = 1000;
    private double shareThreshold = 0.5;
    private int bins = NumericBins.DEFAULT_BINS;
    private double epsilon = Distances.DEFAULT_EPSILON;
    private final Map<String, DriftMethod> methods = new LinkedHashMap<>();
    private final Map<String, Double> thresholds = new LinkedHashMap<>();
    private final Map<DriftMethod, Double> defaultThresholds = new EnumMap<>(DriftMethod.class);

    private Builder() {
      defaultThresholds.put(DriftMethod.WASSERSTEIN_NORMED, 0.1);
      defaultThresholds.put(DriftMethod.JENSEN_SHANNON, 0.1);
      defaultThresholds.put(DriftMethod.HELLINGER, 0.1);
      defaultThresholds.put(DriftMethod.TOTAL_VARIATION, 0.1);
      defaultThresholds.put(DriftMethod.PSI, 0.2);
      defaultThresholds.put(DriftMethod.KL_DIVERGENCE, 0.1);
    }

    /**
     * @param alpha the significance level of p-value tests, in (0, 1)
     * @return this builder
     */
    public Builder alpha(double alpha) {
      if (!(alpha > 0 && alpha < 1)) {
        throw new IllegalArgumentException("alpha must be in (0, 1), was " + alpha);
      }
      this.alpha = alpha;
      return this;
    }

    /**
     * @param correction the multiple-testing correction
     * @return this builder
     */
    public Builder correction(Correction correction) {
      this.correction = requireNonNull(correction, "correction");
      return this;
    }

    /**
     * @param limit the sample size up to which the automatic choice uses a p-value test, {@code >= 1}
     * @return this builder
     */
    public Builder autoSampleLimit(int limit) {
      if (limit < 1) {
        throw new IllegalArgumentException("autoSampleLimit must be >= 1, was " + limit);
      }
      this.autoSampleLimit = limit;
      return this;
    }

    /**
     * @param share the share of drifted columns from which the dataset drifted, in (0, 1]
     * @return this builder
     */
    public Builder shareThreshold(double share) {
      if (!(share > 0 && share <= 1)) {
        throw new IllegalArgumentException("shareThreshold must be in (0, 1], was " + share);
      }
      this.shareThreshold = share;
      return this;
    }

    /**
     * @param bins the number of reference-quantile bins, {@code >= 2}
     * @return this builder
     */
    public Builder bins(int bins) {
      if (bins < 2) {
        throw new IllegalArgumentException("bins must be >= 2, was " + bins);
      }
      this.bins = bins;
      return this;
    }

    /**
     * @param epsilon the replacement of zero proportions in PSI and KL, in (0, 1)
     * @return this builder
     */
    public Builder epsilon(double epsilon) {
      if (!(epsilon > 0 && epsilon < 1)) {
        throw new IllegalArgumentException("epsilon must be in (0, 1), was " + epsilon);
      }
      this.epsilon = epsilon;
      return this;
    }

    /**
     * Uses {@code method} for {@code column} instead of the automatic choice.
     *
     * @param column the column
     * @param method the method
     * @return this builder
     */
    public Builder method(String column, DriftMethod method) {
      methods.put(requireNonNull(column, "column"), requireNonNull(method, "method"));
      return this;
    }

    /**
     * Sets {@code column}'s threshold (a significance level or a distance).
     *
     * @param column the column
     * @param threshold the threshold, finite and {@code >= 0}
     * @return this builder
     */
    public Builder threshold(String column, double threshold) {
      requireNonNull(column, "column");
      if (!(threshold >= 0) || Double.isInfinite(threshold)) {
        throw new IllegalArgumentException("threshold must be finite and >= 0, was " + threshold);
      }
      thresholds.put(column, threshold);
      return this;
    }

    /**
     * Sets the default threshold of a distance method.
     *
     * @param method a distance method
     * @param threshold the threshold, finite and {@code >= 0}
     * @return this builder
     */
    public Builder defaultThreshold(DriftMethod method, double threshold) {
      requireNonNull(method, "method");
      if (method.hasPValue()) {
        throw new IllegalArgumentException(method + " is a p-value test; its threshold is alpha");
      }
      if (!(threshold >= 0) || Double.isInfinite(threshold)) {
        throw new IllegalArgumentException("threshold must be finite and >= 0, was " + threshold);
      }
      defaultThresholds.put(method, threshold);
      return this;
    }

    /** @return the options */
    public DriftOptions build() {
      return new DriftOptions(this);
    }
  }
}
