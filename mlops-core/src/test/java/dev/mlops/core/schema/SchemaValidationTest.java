package dev.mlops.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.api.common.Severity;
import dev.mlops.api.data.ColumnType;
import dev.mlops.api.data.Table;
import dev.mlops.api.schema.FieldSpec;
import dev.mlops.api.schema.Schema;
import dev.mlops.api.schema.SeverityPolicy;
import dev.mlops.api.schema.TableConstraint;
import dev.mlops.api.schema.UnexpectedColumns;
import dev.mlops.api.schema.ValidationOptions;
import dev.mlops.api.schema.ValidationReport;
import dev.mlops.api.schema.Violation;
import dev.mlops.api.schema.ViolationKind;
import dev.mlops.core.data.Columns;
import dev.mlops.core.data.Tables;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SchemaValidationTest {

  private static Table numbers(double... values) {
    return Tables.builder().numeric("x", values).build();
  }

  private static ValidationReport check(Table table, FieldSpec field) {
    return Schemas.validate(table, Schema.builder().field(field).build());
  }

  private static Violation only(ValidationReport report, ViolationKind kind) {
    List<Violation> found = report.violations(kind);
    assertThat(found).as(report.toText()).hasSize(1);
    return found.get(0);
  }

  // ---------------------------------------------------------------- range

  @Test
  void range_inclusiveBoundsPassTheirEndpoints() {
    ValidationReport r = check(numbers(0, 5, 10), FieldSpec.builder("x", ColumnType.NUMERIC).between(0, 10).build());

    assertThat(r.violations()).isEmpty();
    assertThat(r.conforms()).isTrue();
  }

  @Test
  void range_exclusiveBoundsFailTheirEndpointsWithRowsAndValues() {
    FieldSpec spec = FieldSpec.builder("x", ColumnType.NUMERIC).range(0, false, 10, false).build();

    ValidationReport r = check(numbers(0, 5, 10, 11), spec);

    Violation v = only(r, ViolationKind.OUT_OF_RANGE);
    assertThat(v.counts().failing()).isEqualTo(3);
    assertThat(v.counts().checked()).isEqualTo(4);
    assertThat(v.fraction()).isEqualTo(0.75);
    assertThat(v.evidence().examples()).containsExactly(new Violation.Example(0, "0"), new Violation.Example(2, "10"),
        new Violation.Example(3, "11"));
    assertThat(v.rule()).isEqualTo("range (0.0, 10.0)");
    assertThat(r.failingRows()).containsExactly(0, 2, 3);
  }

  @Test
  void range_skipsNullsAndNaNButJudgesInfinities() {
    Table t = Tables.builder().add(Columns.numericBuilder("x").add(1).addNull().add(Double.NaN)
        .add(Double.POSITIVE_INFINITY).build()).build();

    Violation v = only(check(t, FieldSpec.builder("x", ColumnType.NUMERIC).between(0, 10).build()),
        ViolationKind.OUT_OF_RANGE);

    assertThat(v.counts().failing()).isEqualTo(1);
    assertThat(v.counts().checked()).isEqualTo(2);
    assertThat(v.evidence().examples()).containsExactly(new Violation.Example(3, "+inf"));
  }

  @Test
  void nanAndInfinityAreSeparateKindsWhenForbidden() {
    Table t = Tables.builder().add(Columns.numericBuilder("x").add(Double.NaN).addNull().add(Double.NEGATIVE_INFINITY)
        .add(1).build()).build();

    ValidationReport r = check(t, FieldSpec.builder("x", ColumnType.NUMERIC).noNaN().noInfinity().build());

    assertThat(only(r, ViolationKind.NAN).evidence().examples()).containsExactly(new Violation.Example(0, "NaN"));
    assertThat(only(r, ViolationKind.INFINITE).evidence().examples()).containsExactly(new Violation.Example(2, "-inf"));
    assertThat(only(r, ViolationKind.NAN).counts().checked()).isEqualTo(3);
  }

  // ---------------------------------------------------------------- nulls

  @Test
  void nullFraction_boundaryIsInclusiveAndNullRowsAreReported() {
    Table t = Tables.builder().add(Columns.numericBuilder("x").add(1).addNull().add(2).add(3).build()).build();

    assertThat(check(t, FieldSpec.builder("x", ColumnType.NUMERIC).maxNullFraction(0.25).build()).violations()).isEmpty();
    Violation v = only(check(t, FieldSpec.builder("x", ColumnType.NUMERIC).maxNullFraction(0.2).build()),
        ViolationKind.NULL_FRACTION);
    assertThat(v.counts().failing()).isEqualTo(1);
    assertThat(v.evidence().examples()).containsExactly(new Violation.Example(1, null));
  }

  @Test
  void notNullOnAnAllNullColumnFailsEveryRow() {
    Table t = Tables.builder().add(Columns.categoricalBuilder("k").addNull().addNull().build()).build();

    ValidationReport r = check(t, FieldSpec.builder("k", ColumnType.CATEGORICAL).notNull().domain("a").build());

    assertThat(only(r, ViolationKind.NULL_FRACTION).counts().failing()).isEqualTo(2);
    assertThat(r.violations(ViolationKind.NOT_IN_DOMAIN)).as("all-null column has no value outside the domain").isEmpty();
    assertThat(r.failingRows()).containsExactly(0, 1);
  }

  // ---------------------------------------------------------------- domain

  @Test
  void domain_mostlyExcludesNullsAndIsInclusive() {
    Table t = Tables.builder().categorical("k", "a", "a", "a", "b", null, null).build();
    Set<String> domain = Set.of("a");

    assertThat(check(t, FieldSpec.builder("k", ColumnType.CATEGORICAL).domain(domain, 0.75).build()).violations())
        .as("3 of 4 non-null in domain = 0.75 passes mostly 0.75").isEmpty();
    Violation v = only(check(t, FieldSpec.builder("k", ColumnType.CATEGORICAL).domain(domain, 0.76).build()),
        ViolationKind.NOT_IN_DOMAIN);
    assertThat(v.counts().failing()).isEqualTo(1);
    assertThat(v.counts().checked()).isEqualTo(4);
    assertThat(v.evidence().examples()).containsExactly(new Violation.Example(3, "b"));
  }

  @Test
  void domain_unseenCategoriesAreReportedEachTime() {
    Table t = Tables.builder().categorical("k", "good", "bad", "ugly", "ugly", "worse").build();

    Violation v = only(check(t, FieldSpec.builder("k", ColumnType.CATEGORICAL).domain("good", "bad").build()),
        ViolationKind.NOT_IN_DOMAIN);

    assertThat(v.counts().failing()).isEqualTo(3);
    assertThat(v.evidence().examples()).extracting(Violation.Example::row).containsExactly(2, 3, 4);
  }

  // ---------------------------------------------------------------- strings

  @Test
  void patternAndLengthAreJudgedPerValue() {
    Table t = Tables.builder().categorical("zip", "02134", "1234", "ABCDE", "城市城市城", null).build();

    ValidationReport r = check(t, FieldSpec.builder("zip", ColumnType.CATEGORICAL).pattern("\\d{5}").length(5, 5).build());

    assertThat(only(r, ViolationKind.PATTERN_MISMATCH).evidence().examples()).extracting(Violation.Example::row)
        .containsExactly(1, 2, 3);
    assertThat(only(r, ViolationKind.LENGTH_OUT_OF_RANGE).evidence().examples()).extracting(Violation.Example::row)
        .containsExactly(1);
  }

  @Test
  void maxDistinctCountsNonNullValues() {
    Table t = Tables.builder().categorical("k", "a", "b", "c", null).build();

    assertThat(check(t, FieldSpec.builder("k", ColumnType.CATEGORICAL).maxDistinct(3).build()).violations()).isEmpty();
    assertThat(only(check(t, FieldSpec.builder("k", ColumnType.CATEGORICAL).maxDistinct(2).build()),
        ViolationKind.TOO_MANY_DISTINCT).evidence().actual()).isEqualTo("3 distinct values");
  }

  // ---------------------------------------------------------------- uniqueness

  @Test
  void uniqueReportsEveryRowSharingAValueAndIgnoresNullsAndNaN() {
    Table t = Tables.builder().add(Columns.numericBuilder("id").add(1).add(2).add(1).addNull().addNull()
        .add(Double.NaN).add(Double.NaN).add(0.0).add(-0.0).build()).build();

    Violation v = only(check(t, FieldSpec.builder("id", ColumnType.NUMERIC).unique().build()), ViolationKind.NOT_UNIQUE);

    assertThat(v.evidence().examples()).extracting(Violation.Example::row).containsExactly(0, 2, 7, 8);
  }

  @Test
  void uniqueAndMaxDistinctAgreeBetweenTheDenseAndTheSortingPaths() {
    // whole numbers in a narrow span take the bitset path; fractions and sparse values take the sort
    double[][] cases = {{5, 7, 5, 9, 7, 7}, {0.5, 0.7, 0.5, 0.9, 0.7, 0.7}, {5e12, 7e12, 5e12, 9e12, 7e12, 7e12}};
    for (double[] values : cases) {
      ValidationReport r = check(numbers(values),
          FieldSpec.builder("x", ColumnType.NUMERIC).unique().maxDistinct(2).build());

      assertThat(only(r, ViolationKind.NOT_UNIQUE).evidence().examples()).extracting(Violation.Example::row)
          .as(Arrays.toString(values)).containsExactly(0, 1, 2, 4, 5);
      assertThat(only(r, ViolationKind.TOO_MANY_DISTINCT).evidence().actual()).isEqualTo("3 distinct finite values");
    }
  }

  @Test
  void uniqueOnCategoricalBooleanAndTimestampColumns() {
    Instant t0 = Instant.parse("2024-01-01T00:00:00Z");
    Table t = Tables.builder().categorical("k", "a", "b", "a").bool("b", true, false, false)
        .timestamp("t", t0, t0.plusSeconds(1), t0).build();
    Schema schema = Schema.builder()
        .field("k", ColumnType.CATEGORICAL, f -> f.unique())
        .field("b", ColumnType.BOOLEAN, f -> f.unique())
        .field("t", ColumnType.TIMESTAMP, f -> f.unique())
        .build();

    ValidationReport r = Schemas.validate(t, schema);

    assertThat(r.violations(ViolationKind.NOT_UNIQUE)).extracting(Violation::field).containsExactlyInAnyOrder("k", "b", "t");
    assertThat(r.violationsOf("t").get(0).evidence().examples()).extracting(Violation.Example::row).containsExactly(0, 2);
  }

  @Test
  void uniqueTogetherComparesCombinations() {
    Table t = Tables.builder().categorical("a", "x", "x", "y", "x").integral("b", 1, 2, 1, 1).build();
    Schema schema = Schema.builder().field("a", ColumnType.CATEGORICAL).field("b", ColumnType.INTEGRAL)
        .uniqueTogether("a", "b").build();

    Violation v = only(Schemas.validate(t, schema), ViolationKind.NOT_UNIQUE);

    assertThat(v.field()).isEqualTo("a, b");
    assertThat(v.evidence().examples()).containsExactly(new Violation.Example(0, "x, 1.0"), new Violation.Example(3, "x, 1.0"));
  }

  // ---------------------------------------------------------------- aggregates

  @Test
  void meanStddevAndQuantileBoundsAreInclusive() {
    Table t = numbers(1, 2, 3, 4, 5);
    // numpy: mean 3.0, std(ddof=1) 1.5811388300841898, quantile(0.5) 3.0, quantile(0.9) 4.6
    FieldSpec passes = FieldSpec.builder("x", ColumnType.NUMERIC).meanBetween(3, 3)
        .stddevBetween(1.5811388300841898, 2).quantileBetween(0.5, 3, 3).quantileBetween(0.9, 4.6, 4.6).build();
    FieldSpec fails = FieldSpec.builder("x", ColumnType.NUMERIC).meanBetween(3.1, 4).stddevBetween(0, 1)
        .quantileBetween(0.9, 0, 4.5).build();

    assertThat(check(t, passes).violations()).isEmpty();
    ValidationReport r = check(t, fails);
    assertThat(only(r, ViolationKind.MEAN_OUT_OF_RANGE).evidence().actual()).isEqualTo("mean 3.0 over 5 finite values");
    assertThat(only(r, ViolationKind.STDDEV_OUT_OF_RANGE)).isNotNull();
    assertThat(only(r, ViolationKind.QUANTILE_OUT_OF_RANGE).evidence().actual()).startsWith("quantile 0.9 4.6");
    assertThat(r.failingRows()).as("aggregates name no row").isEmpty();
  }

  @Test
  void aggregatesOfAColumnWithoutFiniteValuesAreReportedNotNaN() {
    Table t = Tables.builder().add(Columns.numericBuilder("x").addNull().add(Double.NaN).build()).build();

    ValidationReport r = check(t, FieldSpec.builder("x", ColumnType.NUMERIC).meanBetween(0, 1).build());

    assertThat(only(r, ViolationKind.MEAN_OUT_OF_RANGE).evidence().actual()).isEqualTo("no mean: 0 finite values");
  }

  @Test
  void quantilesUseOnlyFiniteValues() {
    Table t = Tables.builder().add(Columns.numericBuilder("x").add(1).addNull().add(Double.NaN).add(3)
        .add(Double.POSITIVE_INFINITY).add(2).build()).build();

    // finite values 1, 2, 3: median 2
    assertThat(check(t, FieldSpec.builder("x", ColumnType.NUMERIC).quantileBetween(0.5, 2, 2).build()).violations())
        .isEmpty();
    assertThat(only(check(t, FieldSpec.builder("x", ColumnType.NUMERIC).quantileBetween(0.5, 2.5, 3).build()),
        ViolationKind.QUANTILE_OUT_OF_RANGE).evidence().actual()).isEqualTo("quantile 0.5 2.0 over 3 finite values");
  }

  @Test
  void uniqueTogetherSkipsRowsWithANullOrNaN() {
    Table t = Tables.builder().categorical("a", "x", "x", null, null)
        .add(Columns.numericBuilder("b").add(Double.NaN).add(Double.NaN).add(1).add(1).build()).build();
    Schema schema = Schema.builder().field("a", ColumnType.CATEGORICAL).field("b", ColumnType.NUMERIC)
        .uniqueTogether("a", "b").build();

    assertThat(Schemas.validate(t, schema).violations()).isEmpty();
  }

  @Test
  void crossColumnRuleSkipsNaNAndComparesNumbersAcrossIntegralAndNumeric() {
    Table t = Tables.builder().integral("lo", 1, 5, 2).numeric("hi", 2.5, Double.NaN, 1.5).build();
    Schema schema = Schema.builder().field("lo", ColumnType.INTEGRAL).field("hi", ColumnType.NUMERIC)
        .compare("ordered", "lo", TableConstraint.Op.LE, "hi").build();

    Violation v = only(Schemas.validate(t, schema), ViolationKind.CROSS_COLUMN);

    assertThat(v.counts().checked()).isEqualTo(2);
    assertThat(v.evidence().examples()).containsExactly(new Violation.Example(2, "2 <= 1.5"));
  }

  @Test
  void crossColumnRuleOnDifferentKindsIsATypeMismatch() {
    Table t = Tables.builder().numeric("a", 1).categorical("b", "x").build();
    Schema schema = Schema.builder().field("a", ColumnType.NUMERIC).field("b", ColumnType.CATEGORICAL)
        .compare("odd", "a", TableConstraint.Op.EQ, "b").build();

    assertThat(only(Schemas.validate(t, schema), ViolationKind.TYPE_MISMATCH).evidence().actual()).isEqualTo("NUMERIC and CATEGORICAL");
  }

  @Test
  void constantColumnHasZeroStddev() {
    ValidationReport r = check(numbers(2, 2, 2), FieldSpec.builder("x", ColumnType.NUMERIC).stddevBetween(0.1, 1).build());

    assertThat(only(r, ViolationKind.STDDEV_OUT_OF_RANGE).evidence().actual()).startsWith("stddev 0.0");
  }

  // ---------------------------------------------------------------- presence and types

  @Test
  void missingRequiredColumnIsAViolationNotAnException() {
    Schema schema = Schema.builder().field("x", ColumnType.NUMERIC).field("label", ColumnType.CATEGORICAL).build();

    ValidationReport r = Schemas.validate(numbers(1), schema);

    Violation v = only(r, ViolationKind.MISSING_COLUMN);
    assertThat(v.field()).isEqualTo("label");
    assertThat(v.fraction()).isEqualTo(1.0);
    assertThat(r.hasErrors()).isTrue();
  }

  @Test
  void labelMayBeAbsentInServingButNotInTraining() {
    Schema schema = Schema.builder().field("x", ColumnType.NUMERIC)
        .field("label", ColumnType.CATEGORICAL, f -> f.absentIn(Schema.SERVING)).build();

    ValidationReport serving = Schemas.validate(numbers(1), schema,
        ValidationOptions.builder().environment(Schema.SERVING).build());
    ValidationReport training = Schemas.validate(numbers(1), schema,
        ValidationOptions.builder().environment(Schema.TRAINING).build());

    assertThat(serving.violations()).isEmpty();
    assertThat(training.violations(ViolationKind.MISSING_COLUMN)).hasSize(1);
    assertThat(serving.environment()).isEqualTo("SERVING");
  }

  @Test
  void optionalFieldMayBeMissing() {
    Schema schema = Schema.builder().field("x", ColumnType.NUMERIC).field("y", ColumnType.NUMERIC, f -> f.optional()).build();

    assertThat(Schemas.validate(numbers(1), schema).violations()).isEmpty();
  }

  @Test
  void typeMismatchStopsTheFieldsOtherChecks() {
    Table t = Tables.builder().categorical("x", "1", "2").build();

    ValidationReport r = check(t, FieldSpec.builder("x", ColumnType.NUMERIC).between(0, 1).build());

    assertThat(only(r, ViolationKind.TYPE_MISMATCH).evidence().actual()).isEqualTo("CATEGORICAL");
    assertThat(r.violations()).hasSize(1);
  }

  @Test
  void integralFieldAcceptsWholeDoublesAndReportsFractionalOnes() {
    ValidationReport r = check(numbers(1, 2.5, 3), FieldSpec.builder("x", ColumnType.INTEGRAL).build());

    Violation v = only(r, ViolationKind.TYPE_MISMATCH);
    assertThat(v.evidence().examples()).containsExactly(new Violation.Example(1, "2.5"));
    assertThat(check(numbers(1, 2, 3), FieldSpec.builder("x", ColumnType.INTEGRAL).build()).violations()).isEmpty();
  }

  @Test
  void unexpectedColumnsFollowThePolicy() {
    Table t = Tables.builder().numeric("x", 1).numeric("extra", 2).build();
    Schema base = Schema.builder().field("x", ColumnType.NUMERIC).build();

    assertThat(only(Schemas.validate(t, base), ViolationKind.UNEXPECTED_COLUMN).severity()).isEqualTo(Severity.WARNING);
    assertThat(only(Schemas.validate(t, base.toBuilder().unexpectedColumns(UnexpectedColumns.ERROR).build()),
        ViolationKind.UNEXPECTED_COLUMN).severity()).isEqualTo(Severity.ERROR);
    assertThat(Schemas.validate(t, base.toBuilder().unexpectedColumns(UnexpectedColumns.IGNORE).build()).violations())
        .isEmpty();
  }

  // ---------------------------------------------------------------- table-level

  @Test
  void rowCountBoundsAreInclusive() {
    Schema schema = Schema.builder().field("x", ColumnType.NUMERIC).rowCount(2, 3).build();

    assertThat(Schemas.validate(numbers(1, 2), schema).violations()).isEmpty();
    assertThat(Schemas.validate(numbers(1, 2, 3), schema).violations()).isEmpty();
    assertThat(only(Schemas.validate(numbers(1), schema), ViolationKind.ROW_COUNT).evidence().actual()).isEqualTo("1 rows");
  }

  @Test
  void crossColumnRuleSkipsNullsAndReportsBrokenRows() {
    Instant t0 = Instant.parse("2024-01-01T00:00:00Z");
    Table t = Tables.builder()
        .timestamp("ordered", t0, t0, t0, null)
        .timestamp("shipped", t0.plusSeconds(60), t0, t0.minusSeconds(1), t0)
        .build();
    Schema schema = Schema.builder().field("ordered", ColumnType.TIMESTAMP).field("shipped", ColumnType.TIMESTAMP)
        .compare("ships after order", "shipped", TableConstraint.Op.GE, "ordered").build();

    Violation v = only(Schemas.validate(t, schema), ViolationKind.CROSS_COLUMN);

    assertThat(v.counts().checked()).isEqualTo(3);
    assertThat(v.evidence().examples()).containsExactly(
        new Violation.Example(2, "2023-12-31T23:59:59Z >= 2024-01-01T00:00:00Z"));
  }

  @Test
  void rowAndColumnPredicatesAreNamedAndAPredicateThatThrowsFailsTheRow() {
    Table t = Tables.builder().numeric("a", 1, 2, 3).numeric("b", 1, 1, 5).build();
    Schema schema = Schema.builder().field("a", ColumnType.NUMERIC).field("b", ColumnType.NUMERIC)
        .rowRule("sum below 6", (table, row) -> {
          if (row == 0) {
            throw new IllegalStateException("boom");
          }
          return table.numeric("a").getDouble(row) + table.numeric("b").getDouble(row) < 6;
        })
        .columnRule("sorted", "a", c -> false)
        .build();

    ValidationReport r = Schemas.validate(t, schema);

    Violation rows = only(r, ViolationKind.ROW_PREDICATE);
    assertThat(rows.rule()).isEqualTo("sum below 6");
    assertThat(rows.evidence().examples()).extracting(Violation.Example::row).containsExactly(0, 2);
    assertThat(rows.evidence().actual()).contains("threw on 1").contains("boom");
    assertThat(only(r, ViolationKind.COLUMN_PREDICATE).rule()).isEqualTo("sorted");
  }

  // ---------------------------------------------------------------- report

  @Test
  void everyViolationIsCollectedWorstFirstAndRendered() {
    Table t = Tables.builder().numeric("age", 30, -1, 200).categorical("k", "a", "z", "a").build();
    Schema schema = Schema.builder().name("people")
        .field("age", ColumnType.NUMERIC, f -> f.between(0, 120))
        .field("k", ColumnType.CATEGORICAL, f -> f.severity(Severity.WARNING).domain("a"))
        .field("missing", ColumnType.NUMERIC)
        .build();

    ValidationReport r = Schemas.validate(t, schema);

    assertThat(r.violations()).extracting(Violation::kind).containsExactly(
        ViolationKind.MISSING_COLUMN, ViolationKind.OUT_OF_RANGE, ViolationKind.NOT_IN_DOMAIN);
    assertThat(r.worstSeverity()).contains(Severity.ERROR);
    assertThat(r.failingRows()).containsExactly(1, 2);
    assertThat(r.failingRows(Severity.WARNING)).containsExactly(1, 2);
    assertThat(r.toText()).startsWith("Validation against 'people': 3 rows, FAILS (2 errors, 1 warning)\n")
        .contains("ERROR OUT_OF_RANGE 'age': range [0.0, 120.0] — expected values in [0.0, 120.0], found values"
            + " outside: 2 of 3 (66.67%); e.g. row 1=\"-1\", row 2=\"200\"");
  }

  @Test
  void severityPolicyOverridesDeclaredSeverities() {
    Table t = numbers(-1);
    Schema schema = Schema.builder().field("x", ColumnType.NUMERIC, f -> f.between(0, 1)).build();

    ValidationReport lenient = Schemas.validate(t, schema,
        ValidationOptions.builder().severityPolicy(SeverityPolicy.ALL_WARNINGS).build());

    assertThat(lenient.conforms()).isTrue();
    assertThat(lenient.failingRows()).isEmpty();
    assertThat(lenient.failingRows(Severity.WARNING)).containsExactly(0);
  }

  @Test
  void maxExamplesBoundsTheEvidence() {
    ValidationReport r = Schemas.validate(numbers(-1, -2, -3, -4), Schema.builder()
        .field("x", ColumnType.NUMERIC, f -> f.between(0, 1)).build(), ValidationOptions.builder().maxExamples(2).build());

    Violation v = only(r, ViolationKind.OUT_OF_RANGE);
    assertThat(v.evidence().examples()).hasSize(2);
    assertThat(v.counts().failing()).isEqualTo(4);
    assertThat(r.failingRows()).hasSize(4);
  }

  @Test
  void emptyTableConformsUnlessRowCountSaysOtherwise() {
    Table t = Tables.builder().add(Columns.numericBuilder("x").build()).build();
    Schema schema = Schema.builder().field("x", ColumnType.NUMERIC, f -> f.between(0, 1).notNull().unique()).build();

    assertThat(Schemas.validate(t, schema).violations()).isEmpty();
  }

  // ---------------------------------------------------------------- contradictory schemas

  @Test
  void contradictorySchemasAreRejectedWhenBuiltNamingTheField() {
    assertThatThrownBy(() -> FieldSpec.builder("age", ColumnType.NUMERIC).between(10, 5))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("field 'age': range: min 10.0 > max 5.0");
    assertThatThrownBy(() -> FieldSpec.builder("k", ColumnType.CATEGORICAL).domain())
        .hasMessage("field 'k': domain must not be empty");
    assertThatThrownBy(() -> FieldSpec.builder("k", ColumnType.CATEGORICAL).pattern("(unclosed"))
        .hasMessageStartingWith("field 'k': pattern does not compile");
    assertThatThrownBy(() -> FieldSpec.builder("k", ColumnType.CATEGORICAL).between(0, 1))
        .hasMessage("field 'k' is CATEGORICAL; Range applies to INTEGRAL or NUMERIC fields");
    assertThatThrownBy(() -> FieldSpec.builder("x", ColumnType.NUMERIC).between(0, 1).between(0, 2))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> FieldSpec.builder("x", ColumnType.NUMERIC).range(1, false, 1, true))
        .hasMessageContaining("is empty");
    assertThatThrownBy(() -> Schema.builder().field("a", ColumnType.NUMERIC).uniqueTogether("a", "b").build())
        .hasMessageContaining("names field 'b', which the schema does not have");
    assertThatThrownBy(() -> Schema.builder().field("a", ColumnType.NUMERIC).field("a", ColumnType.NUMERIC))
        .hasMessage("duplicate field 'a'");
  }
}
