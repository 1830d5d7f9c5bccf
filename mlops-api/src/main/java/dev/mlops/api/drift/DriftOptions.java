package dev.mlops.api.drift;

import dev.mlops.api.internal.BuilderCalls;
import static java.util.Objects.requireNonNull;

import dev.mlops.api.common.Correction;
import dev.mlops.api.data.ColumnType;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How a drift check compares tables: column roles, methods, thresholds, the multiple-testing
 * correction.
 *
 * <pre>{@code
 * DriftOptions options = DriftOptions.builder()
 *     .role("customer_id", ColumnRole.IDENTIFIER)
 *     .role("default", ColumnRole.TARGET)
 *     .ignore("notes")
 *     .method("income", DriftMethod.PSI)
 *     .test("age", medianShift)                     // a DriftTest of your own
 *     .alpha(0.01)
 *     .build();
 * }</pre>
 *
 * <h2>Column roles</h2>
 * A column's role ({@link ColumnRole}) is the one set with {@link Builder#role} or
 * {@link Builder#ignore}; without one, the automatic rule decides from the reference data:
 * <ul>
 *   <li>a timestamp column is a {@link ColumnRole#TIMESTAMP}, reported as "not tested: time";
 *   <li>a categorical or integral column with at least 1,000 non-null reference values, all
 *       distinct, is an {@link ColumnRole#IDENTIFIER}, reported as "not tested: identifier"; an
 *       integral one must also be dense, its values spanning less than 100 times their number (a
 *       sequence of keys, or a sample of one). Numeric (floating-point) columns are never taken for
 *       identifiers: a continuous feature has all-distinct values too, and is tested. Nor is a wide
 *       integral feature such as an amount in cents, whose distinct values spread far beyond 100
 *       times their number; with fewer than 1,000 values, distinct values happen by chance;
 *   <li>any other column is a {@link ColumnRole#FEATURE}.
 * </ul>
 * Set the role {@link ColumnRole#FEATURE} to test a column the rule would leave out. Identifiers,
 * timestamps and ignored columns are never DRIFTED and do not count in the drift share.
 *
 * <h2>Automatic choice of method</h2>
 * Unless a column has its own method ({@link Builder#method}) or test ({@link Builder#test}):
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
 *
 * <p>Immutable; the builder throws {@link IllegalStateException} naming both calls when a setting
 * is given twice or contradicts an earlier one (a method for an ignored column, say).
 */
public final class DriftOptions {
  private final double alpha;
  private final Correction correction;
  private final int autoSampleLimit;
  private final double shareThreshold;
  private final int bins;
  private final double epsilon;
  private final Map<String, ColumnRole> roles;
  private final Map<String, DriftMethod> methods;
  private final Map<String, Double> thresholds;
  private final Map<String, DriftTest> tests;
  private final Map<DriftMethod, Double> defaultThresholds;

  private DriftOptions(Builder b) {
    this.alpha = b.alpha;
    this.correction = b.correction;
    this.autoSampleLimit = b.autoSampleLimit;
    this.shareThreshold = b.shareThreshold;
    this.bins = b.bins;
    this.epsilon = b.epsilon;
    this.roles = Map.copyOf(b.roles);
    this.methods = Map.copyOf(b.methods);
    this.thresholds = Map.copyOf(b.thresholds);
    this.tests = Map.copyOf(b.tests);
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
   * Returns the role set for a column; the automatic rule (see the class comment) decides for
   * columns without one.
   *
   * @param column the column name
   * @return the role set with {@link Builder#role} or {@link Builder#ignore}, or empty
   */
  public Optional<ColumnRole> findRole(String column) {
    return Optional.ofNullable(roles.get(requireNonNull(column, "column")));
  }

  /**
   * Returns the user's test set for a column.
   *
   * @param column the column name
   * @return the test set with {@link Builder#test}, or empty
   */
  public Optional<DriftTest> findTest(String column) {
    return Optional.ofNullable(tests.get(requireNonNull(column, "column")));
  }

  /**
   * Returns the built-in method for a column of the given type and sample sizes: the column's own,
   * else the automatic choice (see the class comment). Columns with a test of their own
   * ({@link #findTest}) use that instead.
   *
   * @param column the column name
   * @param type the column's type
   * @param referenceSize reference values compared
   * @param currentSize current values compared
   * @return the method
   */
  public DriftMethod methodFor(String column, ColumnType type, long referenceSize, long currentSize) {
    requireNonNull(type, "type");
    DriftMethod chosen = methods.get(requireNonNull(column, "column"));
    if (chosen != null) {
      return chosen;
    }
    boolean small = referenceSize <= autoSampleLimit && currentSize <= autoSampleLimit;
    if (type.isNumeric() || type == ColumnType.TIMESTAMP) {
      return small ? DriftMethod.KOLMOGOROV_SMIRNOV : DriftMethod.WASSERSTEIN_NORMED;
    }
    return small ? DriftMethod.CHI_SQUARE : DriftMethod.JENSEN_SHANNON;
  }

  /**
   * Returns the threshold for a column and built-in method: the column's own, else alpha for
   * p-value tests, else the method's default distance threshold.
   *
   * @param column the column
   * @param method the method
   * @return the threshold
   * @throws IllegalArgumentException if a distance in the data's units has no threshold for this column
   */
  public double thresholdFor(String column, DriftMethod method) {
    requireNonNull(method, "method");
    Double own = thresholds.get(requireNonNull(column, "column"));
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

  /**
   * Builds {@link DriftOptions}. Every setter validates at once and may be called once per
   * setting (per column for column settings); a second call, or a call contradicting an earlier one
   * (a method, threshold or test for a column whose role leaves it untested; a test and a method or
   * threshold for the same column), throws {@link IllegalStateException} naming both calls.
   *
   * <p>Defaults: alpha 0.05, Benjamini-Hochberg correction, automatic sample limit 1,000, share
   * threshold 0.5, 10 bins, epsilon 1e-4, distance thresholds as in the class comment, roles by
   * the automatic rule.
   */
  public static final class Builder {
    private double alpha = 0.05;
    private Correction correction = Correction.BENJAMINI_HOCHBERG;
    private int autoSampleLimit = 1000;
    private double shareThreshold = 0.5;
    private int bins = 10;
    private double epsilon = 1e-4;
    private final Map<String, ColumnRole> roles = new LinkedHashMap<>();
    private final Map<String, DriftMethod> methods = new LinkedHashMap<>();
    private final Map<String, Double> thresholds = new LinkedHashMap<>();
    private final Map<String, DriftTest> tests = new LinkedHashMap<>();
    private final Map<DriftMethod, Double> defaultThresholds = new EnumMap<>(DriftMethod.class);
    private final BuilderCalls calls = new BuilderCalls();

    private Builder() {
      defaultThresholds.put(DriftMethod.WASSERSTEIN_NORMED, 0.1);
      defaultThresholds.put(DriftMethod.JENSEN_SHANNON, 0.1);
      defaultThresholds.put(DriftMethod.HELLINGER, 0.1);
      defaultThresholds.put(DriftMethod.TOTAL_VARIATION, 0.1);
      defaultThresholds.put(DriftMethod.PSI, 0.2);
      defaultThresholds.put(DriftMethod.KL_DIVERGENCE, 0.1);
    }

    /**
     * @param alpha the significance level of p-value tests, in (0, 1); default 0.05
     * @return this builder
     */
    public Builder alpha(double alpha) {
      if (!(alpha > 0 && alpha < 1)) {
        throw new IllegalArgumentException("alpha must be in (0, 1), was " + alpha);
      }
      calls.once("alpha", "alpha(" + alpha + ")");
      this.alpha = alpha;
      return this;
    }

    /**
     * @param correction the multiple-testing correction; default Benjamini-Hochberg
     * @return this builder
     */
    public Builder correction(Correction correction) {
      requireNonNull(correction, "correction");
      calls.once("correction", "correction(" + correction + ")");
      this.correction = correction;
      return this;
    }

    /**
     * @param limit the sample size up to which the automatic choice uses a p-value test, {@code >= 1};
     *     default 1,000
     * @return this builder
     */
    public Builder autoSampleLimit(int limit) {
      if (limit < 1) {
        throw new IllegalArgumentException("autoSampleLimit must be >= 1, was " + limit);
      }
      calls.once("autoSampleLimit", "autoSampleLimit(" + limit + ")");
      this.autoSampleLimit = limit;
      return this;
    }

    /**
     * @param share the share of drifted columns from which the dataset drifted, in (0, 1]; default 0.5
     * @return this builder
     */
    public Builder shareThreshold(double share) {
      if (!(share > 0 && share <= 1)) {
        throw new IllegalArgumentException("shareThreshold must be in (0, 1], was " + share);
      }
      calls.once("shareThreshold", "shareThreshold(" + share + ")");
      this.shareThreshold = share;
      return this;
    }

    /**
     * @param bins the number of reference-quantile bins, {@code >= 2}; default 10
     * @return this builder
     */
    public Builder bins(int bins) {
      if (bins < 2) {
        throw new IllegalArgumentException("bins must be >= 2, was " + bins);
      }
      calls.once("bins", "bins(" + bins + ")");
      this.bins = bins;
      return this;
    }

    /**
     * @param epsilon the replacement of zero proportions in PSI and KL, in (0, 1); default 1e-4
     * @return this builder
     */
    public Builder epsilon(double epsilon) {
      if (!(epsilon > 0 && epsilon < 1)) {
        throw new IllegalArgumentException("epsilon must be in (0, 1), was " + epsilon);
      }
      calls.once("epsilon", "epsilon(" + epsilon + ")");
      this.epsilon = epsilon;
      return this;
    }

    /**
     * Gives {@code column} a role instead of the automatic one.
     *
     * @param column the column
     * @param role the role
     * @return this builder
     * @throws IllegalStateException if the column already has a role, or has a method, threshold or
     *     test while {@code role} leaves it untested
     */
    public Builder role(String column, ColumnRole role) {
      requireNonNull(column, "column");
      requireNonNull(role, "role");
      return setRole(column, role, "role(\"" + column + "\", " + role + ")");
    }

    /**
     * Leaves {@code column} out of the drift check: the same as {@code role(column, ColumnRole.IGNORED)}.
     *
     * @param column the column
     * @return this builder
     * @throws IllegalStateException if the column already has a role, method, threshold or test
     */
    public Builder ignore(String column) {
      requireNonNull(column, "column");
      return setRole(column, ColumnRole.IGNORED, "ignore(\"" + column + "\")");
    }

    private Builder setRole(String column, ColumnRole role, String call) {
      onceForColumn(column, "role", call);
      if (!role.tested()) {
        conflict(column, "method", call);
        conflict(column, "threshold", call);
        conflict(column, "test", call);
        calls.record(key(column, "untested"), call);
      }
      roles.put(column, role);
      return this;
    }

    /**
     * Uses the built-in {@code method} for {@code column} instead of the automatic choice.
     *
     * @param column the column
     * @param method the method
     * @return this builder
     * @throws IllegalStateException if the column already has a method or a test, or its role leaves
     *     it untested
     */
    public Builder method(String column, DriftMethod method) {
      requireNonNull(column, "column");
      requireNonNull(method, "method");
      String call = "method(\"" + column + "\", " + method + ")";
      onceForColumn(column, "method", call);
      conflict(column, "test", call);
      conflict(column, "untested", call);
      methods.put(column, method);
      return this;
    }

    /**
     * Sets {@code column}'s threshold for a built-in method (a significance level or a distance).
     *
     * @param column the column
     * @param threshold the threshold, finite and {@code >= 0}
     * @return this builder
     * @throws IllegalStateException if the column already has a threshold or a test, or its role
     *     leaves it untested
     */
    public Builder threshold(String column, double threshold) {
      requireNonNull(column, "column");
      if (!(threshold >= 0) || Double.isInfinite(threshold)) {
        throw new IllegalArgumentException("threshold must be finite and >= 0, was " + threshold);
      }
      String call = "threshold(\"" + column + "\", " + threshold + ")";
      onceForColumn(column, "threshold", call);
      conflict(column, "test", call);
      conflict(column, "untested", call);
      thresholds.put(column, threshold);
      return this;
    }

    /**
     * Tests {@code column} with a {@link DriftTest} of your own, with the test's threshold; reports
     * show the test's name as the method.
     *
     * @param column the column
     * @param test the test
     * @return this builder
     * @throws IllegalArgumentException if the test's name is blank or a built-in method's (use
     *     {@link #method} for those), or its threshold is not finite and {@code >= 0}
     * @throws IllegalStateException if the column already has a test, method or threshold, or its
     *     role leaves it untested
     */
    public Builder test(String column, DriftTest test) {
      requireNonNull(column, "column");
      requireNonNull(test, "test");
      String name = requireNonNull(test.name(), "test.name()");
      if (name.isBlank()) {
        throw new IllegalArgumentException("a test's name must not be blank");
      }
      if (Arrays.stream(DriftMethod.values()).anyMatch(m -> m.name().equals(name))) {
        throw new IllegalArgumentException("'" + name + "' is a built-in method: use method(\"" + column + "\", "
            + name + ") and threshold(\"" + column + "\", " + test.threshold() + ")");
      }
      double threshold = test.threshold();
      if (!(threshold >= 0) || Double.isInfinite(threshold)) {
        throw new IllegalArgumentException("test " + name + ": threshold must be finite and >= 0, was " + threshold);
      }
      String call = "test(\"" + column + "\", " + name + ")";
      onceForColumn(column, "test", call);
      conflict(column, "method", call);
      conflict(column, "threshold", call);
      conflict(column, "untested", call);
      tests.put(column, test);
      return this;
    }

    /**
     * Sets the default threshold of a built-in distance method.
     *
     * @param method a distance method
     * @param threshold the threshold, finite and {@code >= 0}
     * @return this builder
     * @throws IllegalArgumentException if {@code method} is a p-value test (its threshold is alpha)
     * @throws IllegalStateException if the method's default threshold was already set
     */
    public Builder defaultThreshold(DriftMethod method, double threshold) {
      requireNonNull(method, "method");
      if (method.hasPValue()) {
        throw new IllegalArgumentException(method + " is a p-value test; its threshold is alpha");
      }
      if (!(threshold >= 0) || Double.isInfinite(threshold)) {
        throw new IllegalArgumentException("threshold must be finite and >= 0, was " + threshold);
      }
      calls.once("default threshold of " + method, "defaultThreshold(" + method + ", " + threshold + ")");
      defaultThresholds.put(method, threshold);
      return this;
    }

    /** @return the options */
    public DriftOptions build() {
      return new DriftOptions(this);
    }

    private static String key(String column, String setting) {
      return setting + " of column '" + column + "'";
    }


    /** Records the call that gives a column's setting; throws if a call gave it already. */
    private void onceForColumn(String column, String setting, String call) {
      conflict(column, setting, call);
      calls.record(key(column, setting), call);
    }

    /** Throws if a call gave the column's {@code setting}, which {@code call} contradicts. */
    private void conflict(String column, String setting, String call) {
      String earlier = calls.find(key(column, setting)).orElse(null);
      if (earlier != null) {
        throw new IllegalStateException("column '" + column + "' was already set by " + earlier
            + "; cannot also call " + call);
      }
    }
  }
}
