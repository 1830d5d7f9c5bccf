package dev.mlops.api.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.api.common.Severity;
import dev.mlops.api.data.ColumnType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaValuesTest {

  private static final Schema SCHEMA = Schema.builder()
      .name("loans")
      .field("age", ColumnType.INTEGRAL, f -> f.between(18, 100).notNull())
      .field("purpose", ColumnType.CATEGORICAL, f -> f.domain("car", "tv"))
      .build();

  // ---------------------------------------------------------------- lookups

  @Test
  void findField_returnsTheFieldOrEmpty() {
    assertThat(SCHEMA.findField("age")).map(FieldSpec::type).contains(ColumnType.INTEGRAL);
    assertThat(SCHEMA.findField("income")).isEmpty();
  }

  @Test
  void field_throwsListingTheKnownFieldsWhenMissing() {
    assertThat(SCHEMA.field("purpose").name()).isEqualTo("purpose");
    assertThatThrownBy(() -> SCHEMA.field("income"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no field 'income' in schema 'loans'; fields are [age, purpose]");
    assertThatThrownBy(() -> SCHEMA.findField(null)).isInstanceOf(NullPointerException.class).hasMessage("name");
  }

  @Test
  void findConstraint_returnsTheConstraintOrEmpty_andConstraintThrowsListingTheKinds() {
    FieldSpec age = SCHEMA.field("age");

    assertThat(age.findConstraint(FieldConstraint.Range.class)).map(FieldConstraint.Range::max).contains(100.0);
    assertThat(age.findConstraint(FieldConstraint.Domain.class)).isEmpty();
    assertThat(age.constraint(FieldConstraint.NullFraction.class).max()).isZero();
    assertThatThrownBy(() -> age.constraint(FieldConstraint.Domain.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("field 'age' has no Domain constraint; it has [Range, NullFraction]");
  }

  // ---------------------------------------------------------------- builders

  @Test
  void schemaBuilder_nameOrPolicyTwiceThrowsNamingBothCalls() {
    assertThatThrownBy(() -> Schema.builder().name("a").name("b"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("name was already set by name(\"a\"); cannot also call name(\"b\")");
    assertThatThrownBy(() -> Schema.builder().unexpectedColumns(UnexpectedColumns.ERROR)
        .unexpectedColumns(UnexpectedColumns.IGNORE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("unexpectedColumns was already set by unexpectedColumns(ERROR); "
            + "cannot also call unexpectedColumns(IGNORE)");
  }

  @Test
  void toBuilder_derivesACopyWhoseSettingsMayBeChangedOnce() {
    Schema renamed = SCHEMA.toBuilder().name("loans v2").unexpectedColumns(UnexpectedColumns.ERROR).build();

    assertThat(renamed.name()).isEqualTo("loans v2");
    assertThat(renamed.unexpectedColumns()).isEqualTo(UnexpectedColumns.ERROR);
    assertThat(renamed.fields()).isEqualTo(SCHEMA.fields());
    assertThat(SCHEMA.name()).isEqualTo("loans");
  }

  @Test
  void fieldBuilder_optionalTwiceThrows() {
    assertThatThrownBy(() -> FieldSpec.builder("x", ColumnType.NUMERIC).optional().optional())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'x'")
        .hasMessageContaining("optional()");
  }

  @Test
  void validationOptionsBuilder_aSettingTwiceThrowsNamingBothCalls() {
    assertThatThrownBy(() -> ValidationOptions.builder().environment("SERVING").environment("TRAINING"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("environment was already set by environment(\"SERVING\"); "
            + "cannot also call environment(\"TRAINING\")");
    assertThatThrownBy(() -> ValidationOptions.builder().maxExamples(3).maxExamples(4))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("maxExamples was already set by maxExamples(3); cannot also call maxExamples(4)");
    assertThatThrownBy(() -> ValidationOptions.builder().severityPolicy(SeverityPolicy.ALL_ERRORS)
        .severityPolicy(SeverityPolicy.ALL_WARNINGS))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("severityPolicy(ALL_ERRORS)")
        .hasMessageContaining("severityPolicy(ALL_WARNINGS)");
    assertThatThrownBy(() -> ValidationOptions.builder().maxExamples(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxExamples must be >= 0, was -1");
    assertThat(ValidationOptions.builder().build()).isEqualTo(ValidationOptions.defaults());
  }

  @Test
  void inferenceOptionsBuilder_validatesAtOnceAndRejectsRepeatsAndContradictions() {
    assertThat(InferenceOptions.builder().build()).isEqualTo(InferenceOptions.defaults());
    assertThat(InferenceOptions.defaults()).isEqualTo(new InferenceOptions(0, 0.05, 50, 1.0, 100, true));
    assertThat(InferenceOptions.builder().noRanges().build().inferRanges()).isFalse();

    assertThatThrownBy(() -> InferenceOptions.builder().nullSlack(1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("nullSlack must be in [0, 1], was 1.5");
    assertThatThrownBy(() -> InferenceOptions.builder().minRowsForUnique(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("minRowsForUnique must be >= 2, was 1");
    assertThatThrownBy(() -> InferenceOptions.builder().maxDomainSize(20).maxDomainSize(30))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("maxDomainSize was already set by maxDomainSize(20); cannot also call maxDomainSize(30)");
    assertThatThrownBy(() -> InferenceOptions.builder().rangeSlack(0.1).noRanges())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("rangeSlack was already set by rangeSlack(0.1); cannot also call noRanges()");
    assertThatThrownBy(() -> InferenceOptions.builder().noRanges().rangeSlack(0.1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("ranges were already turned off by noRanges(); cannot also call rangeSlack(0.1)");
  }

  // ---------------------------------------------------------------- violations

  @Test
  void violation_isComposedOfCountsAndEvidence() {
    Violation v = new Violation(ViolationKind.OUT_OF_RANGE, "age", "range [18.0, 100.0]", Severity.ERROR,
        new Violation.Counts(2, 8), new Violation.Evidence("values in [18.0, 100.0]", "values outside: 2 of 8",
            List.of(new Violation.Example(1, "7"), new Violation.Example(5, "130"))));

    assertThat(v.counts().fraction()).isEqualTo(0.25);
    assertThat(v.fraction()).isEqualTo(0.25);
    assertThat(v.toString()).isEqualTo("ERROR OUT_OF_RANGE 'age': range [18.0, 100.0] — expected values in "
        + "[18.0, 100.0], found values outside: 2 of 8 (25.00%); e.g. row 1=\"7\", row 5=\"130\"");
  }

  @Test
  void violationParts_validateAndCopy() {
    assertThat(new Violation.Counts(1, 0).fraction()).isEqualTo(1.0);
    assertThat(new Violation.Counts(0, 0).fraction()).isZero();
    assertThatThrownBy(() -> new Violation.Counts(-1, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("counts must be >= 0, were -1 and 3");
    List<Violation.Example> examples = new ArrayList<>(List.of(new Violation.Example(0, null)));
    Violation.Evidence evidence = new Violation.Evidence("e", "a", examples);
    examples.clear();
    assertThat(evidence.examples()).hasSize(1);
    assertThatThrownBy(() -> new Violation.Evidence(null, "a", List.of()))
        .isInstanceOf(NullPointerException.class).hasMessage("expected");
    assertThatThrownBy(() -> new Violation(ViolationKind.NAN, "x", "no NaN", Severity.ERROR, null,
        evidence)).isInstanceOf(NullPointerException.class).hasMessage("counts");
  }
}
