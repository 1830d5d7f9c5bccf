package dev.mlops.tribuo;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * How {@link TribuoTables#toDataset(dev.mlops.api.data.Table, DatasetOptions,
 * org.tribuo.OutputFactory)} turns a table into a Tribuo dataset.
 *
 * <pre>{@code
 * DatasetOptions options = DatasetOptions.builder("class")
 *     .exclude("customer_id")
 *     .missingValues(DatasetOptions.MissingValues.SKIP_ROW)
 *     .build();
 * }</pre>
 *
 * <p>Defaults: no excluded columns; {@link MissingValues#FAIL}.
 */
public final class DatasetOptions {

  /** What to do with a null, {@code NaN} or infinite feature value, or a null output. */
  public enum MissingValues {
    /** Fail, naming the column and row (the default). */
    FAIL,
    /** Leave the row out of the dataset. */
    SKIP_ROW,
    /**
     * Leave the feature out of that example (Tribuo reads an absent feature as 0); a row with a
     * null output is still skipped, since it has nothing to learn from.
     */
    OMIT_FEATURE
  }

  private final String outputColumn;
  private final ImmutableSet<String> excluded;
  private final MissingValues missingValues;

  private DatasetOptions(Builder b) {
    this.outputColumn = b.outputColumn;
    this.excluded = ImmutableSet.copyOf(b.excluded);
    this.missingValues = b.missingValues;
  }

  /**
   * Returns a builder for a dataset whose output comes from {@code outputColumn}.
   *
   * @param outputColumn the column holding the label or target
   * @return a new builder
   */
  public static Builder builder(String outputColumn) {
    return new Builder(outputColumn);
  }

  /** @return the column holding the output */
  public String outputColumn() {
    return outputColumn;
  }

  /** @return the columns left out of the features */
  public Set<String> excluded() {
    return excluded;
  }

  /** @return the missing-value policy */
  public MissingValues missingValues() {
    return missingValues;
  }

  /** Builds {@link DatasetOptions}. */
  public static final class Builder {
    private final String outputColumn;
    private final Set<String> excluded = new LinkedHashSet<>();
    private MissingValues missingValues = MissingValues.FAIL;

    private Builder(String outputColumn) {
      requireNonNull(outputColumn, "outputColumn");
      if (outputColumn.isEmpty()) {
        throw new IllegalArgumentException("outputColumn must not be empty");
      }
      this.outputColumn = outputColumn;
    }

    /**
     * Leaves columns out of the features (identifiers, timestamps, leaky columns).
     *
     * @param columns column names
     * @return this builder
     */
    public Builder exclude(String... columns) {
      requireNonNull(columns, "columns");
      for (String c : columns) {
        excluded.add(requireNonNull(c, "a column name"));
      }
      return this;
    }

    /**
     * Sets the missing-value policy (default {@link MissingValues#FAIL}).
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder missingValues(MissingValues policy) {
      this.missingValues = requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Builds the options.
     *
     * @return immutable options
     */
    public DatasetOptions build() {
      return new DatasetOptions(this);
    }
  }
}
