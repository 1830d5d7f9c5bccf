package dev.mlops.api.drift;

import dev.mlops.api.data.ColumnType;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One column's line in a {@link DriftReport}: the column, its role, its share of nulls on each
 * side, and the outcome, {@link Tested} or {@link NotTested}.
 *
 * <pre>{@code
 * ColumnDrift income = report.column("income");
 * if (income.drifted()) {
 *   System.out.println(income.score().method() + " " + income.score().statistic());
 * }
 * report.column("customer_id").note();   // "identifier (all 10000 reference values are distinct)"
 * }</pre>
 *
 * @param column the column name
 * @param type the column type (the reference's, or the current's when the reference lacks the column)
 * @param role the column's role, set in {@link DriftOptions} or found by its automatic rule
 * @param nullFractions each side's share of nulls
 * @param outcome the score, or why the column was not tested
 */
public record ColumnDrift(String column, ColumnType type, ColumnRole role, NullFractions nullFractions,
    Outcome outcome) {

  /**
   * Each side's share of nulls.
   *
   * @param reference the reference's share of nulls, in {@code [0, 1]}; empty when the reference
   *     lacks the column
   * @param current the current sample's share of nulls, in {@code [0, 1]}; empty when the current
   *     data lacks the column
   */
  public record NullFractions(OptionalDouble reference, OptionalDouble current) {

    /**
     * Validates the shares.
     *
     * @param reference the reference share or empty
     * @param current the current share or empty
     * @throws IllegalArgumentException if a share is outside {@code [0, 1]}
     */
    public NullFractions {
      check(Objects.requireNonNull(reference, "reference"), "reference");
      check(Objects.requireNonNull(current, "current"), "current");
    }

    private static void check(OptionalDouble share, String side) {
      if (share.isPresent() && !(share.getAsDouble() >= 0 && share.getAsDouble() <= 1)) {
        throw new IllegalArgumentException(side + " null fraction must be in [0, 1], was " + share.getAsDouble());
      }
    }
  }

  /** What came of a column: {@link Tested} or {@link NotTested}. */
  public sealed interface Outcome permits Tested, NotTested {}

  /**
   * A tested column.
   *
   * @param score the method's score, before correction
   * @param adjustedPValue the p-value after the report's multiple-testing correction; empty for a distance
   * @param effect the Jensen-Shannon distance between the two distributions (numeric columns on
   *     reference-quantile bins), in {@code [0, 1]}: the common scale columns are ranked by
   * @param note what else to know (values left out, unseen categories); empty otherwise
   */
  public record Tested(DriftScore score, OptionalDouble adjustedPValue, double effect, String note) implements Outcome {

    /**
     * Validates the components.
     *
     * @param score the score
     * @param adjustedPValue the corrected p-value, present exactly when the score has a p-value
     * @param effect the effect size
     * @param note a note
     * @throws IllegalArgumentException if the adjusted p-value is present without a p-value (or the
     *     reverse), or out of range, or the effect is negative, NaN or infinite
     */
    public Tested {
      Objects.requireNonNull(score, "score");
      Objects.requireNonNull(adjustedPValue, "adjustedPValue");
      Objects.requireNonNull(note, "note");
      if (adjustedPValue.isPresent() != score.pValue().isPresent()) {
        throw new IllegalArgumentException("an adjusted p-value goes with a p-value: the score "
            + (score.pValue().isPresent() ? "has one" : "has none") + " but the adjusted p-value is "
            + (adjustedPValue.isPresent() ? adjustedPValue.getAsDouble() : "empty"));
      }
      if (adjustedPValue.isPresent() && !(adjustedPValue.getAsDouble() >= 0 && adjustedPValue.getAsDouble() <= 1)) {
        throw new IllegalArgumentException("adjusted p-value must be in [0, 1], was " + adjustedPValue.getAsDouble());
      }
      if (!(effect >= 0) || Double.isInfinite(effect)) {
        throw new IllegalArgumentException("effect must be finite and >= 0, was " + effect);
      }
    }

    /**
     * Returns whether the column drifted, after correction: the adjusted p-value is below the
     * threshold, or (a distance) the statistic is at least the threshold.
     *
     * @return whether drifted
     */
    public boolean drifted() {
      return adjustedPValue.isPresent() ? adjustedPValue.getAsDouble() < score.threshold() : score.drifted();
    }
  }

  /**
   * A column that was not tested.
   *
   * @param reason why, e.g. {@code "identifier"}, {@code "time"}, {@code "ignored"}, {@code "missing
   *     from the current data"}; reports print it as {@code "not tested: <reason>"}
   */
  public record NotTested(String reason) implements Outcome {

    /**
     * Validates the reason.
     *
     * @param reason the reason
     * @throws IllegalArgumentException if the reason is blank
     */
    public NotTested {
      Objects.requireNonNull(reason, "reason");
      if (reason.isBlank()) {
        throw new IllegalArgumentException("reason must not be blank");
      }
    }
  }

  /**
   * Validates the components.
   *
   * @param column the column name
   * @param type the type
   * @param role the role
   * @param nullFractions the shares of nulls
   * @param outcome the outcome
   * @throws IllegalArgumentException if a role that is never tested has a {@link Tested} outcome
   */
  public ColumnDrift {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(nullFractions, "nullFractions");
    Objects.requireNonNull(outcome, "outcome");
    if (!role.tested() && outcome instanceof Tested) {
      throw new IllegalArgumentException("column '" + column + "' has role " + role + " and cannot be tested");
    }
  }

  /** @return whether the column was tested */
  public boolean tested() {
    return outcome instanceof Tested;
  }

  /** @return whether the column was tested and drifted, after correction */
  public boolean drifted() {
    return outcome instanceof Tested t && t.drifted();
  }

  /**
   * Returns the score of a tested column.
   *
   * @return the score
   * @throws IllegalStateException if the column was not tested (the message gives the reason)
   */
  public DriftScore score() {
    if (outcome instanceof Tested t) {
      return t.score();
    }
    throw new IllegalStateException("column '" + column + "' was not tested: " + note());
  }

  /** @return the score, or empty when the column was not tested */
  public Optional<DriftScore> findScore() {
    return outcome instanceof Tested t ? Optional.of(t.score()) : Optional.empty();
  }

  /** @return the p-value after correction; empty when not tested or the method is a distance */
  public OptionalDouble adjustedPValue() {
    return outcome instanceof Tested t ? t.adjustedPValue() : OptionalDouble.empty();
  }

  /** @return the effect size (see {@link Tested#effect()}); empty when not tested */
  public OptionalDouble effect() {
    return outcome instanceof Tested t ? OptionalDouble.of(t.effect()) : OptionalDouble.empty();
  }

  /** @return the reason a column was not tested, or a tested column's note (empty when none) */
  public String note() {
    return outcome instanceof Tested t ? t.note() : ((NotTested) outcome).reason();
  }
}
