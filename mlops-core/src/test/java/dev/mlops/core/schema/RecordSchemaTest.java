package dev.mlops.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.api.common.Severity;
import dev.mlops.api.data.ColumnType;
import dev.mlops.api.schema.FieldConstraint;
import dev.mlops.api.schema.Schema;
import dev.mlops.api.schema.ValidationOptions;
import dev.mlops.api.schema.ValidationReport;
import dev.mlops.api.schema.annotation.Domain;
import dev.mlops.api.schema.annotation.NullsAllowed;
import dev.mlops.api.schema.annotation.Pattern;
import dev.mlops.api.schema.annotation.Range;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecordSchemaTest {

  enum Housing { OWN, RENT, FREE }

  record Loan(
      @Range(min = 18, max = 100) int age,
      @Domain({"car", "education"}) String purpose,
      @Pattern("[A-Z]{2}\\d{4}") String reference,
      @NullsAllowed Double income,
      @NullsAllowed(maxFraction = 0.5) String employer,
      @Range(min = 0, minInclusive = false) double amount,
      Optional<String> note,
      Housing housing) {}

  record Broken(@Range(min = 0) String name) {}

  @Test
  void recordComponentsAndAnnotationsBecomeFields() {
    Schema schema = Schemas.fromRecord(Loan.class);

    assertThat(schema.name()).isEqualTo("Loan");
    assertThat(schema.fields()).extracting(f -> f.name()).containsExactly(
        "age", "purpose", "reference", "income", "employer", "amount", "note", "housing");
    assertThat(schema.field("age").type()).isEqualTo(ColumnType.INTEGRAL);
    assertThat(schema.field("age").constraint(FieldConstraint.Range.class))
        .isEqualTo(new FieldConstraint.Range(18, true, 100, true, Severity.ERROR));
    assertThat(schema.field("age").constraint(FieldConstraint.NullFraction.class).max()).isZero();
    assertThat(schema.field("income").findConstraint(FieldConstraint.NullFraction.class)).isEmpty();
    assertThat(schema.field("employer").constraint(FieldConstraint.NullFraction.class).max()).isEqualTo(0.5);
    assertThat(schema.field("note").findConstraint(FieldConstraint.NullFraction.class)).isEmpty();
    assertThat(schema.field("amount").constraint(FieldConstraint.Range.class).minInclusive()).isFalse();
    assertThat(schema.field("housing").constraint(FieldConstraint.Domain.class).values())
        .isEqualTo(Set.of("OWN", "RENT", "FREE"));
    assertThat(schema.field("reference").constraint(FieldConstraint.Pattern.class).regex()).isEqualTo("[A-Z]{2}\\d{4}");
  }

  @Test
  void recordsAreValidatedThroughTheTableAdapter() {
    List<Loan> loans = List.of(
        new Loan(30, "car", "AB1234", 1000.0, "acme", 500, Optional.empty(), Housing.OWN),
        new Loan(12, "boat", "ab12", null, null, 0, Optional.of("late"), Housing.RENT));

    ValidationReport report = Schemas.validate(loans, Loan.class, Schemas.fromRecord(Loan.class),
        ValidationOptions.defaults());

    assertThat(report.violations()).extracting(v -> v.kind() + " " + v.field()).containsExactlyInAnyOrder(
        "OUT_OF_RANGE age", "NOT_IN_DOMAIN purpose", "PATTERN_MISMATCH reference", "OUT_OF_RANGE amount");
    assertThat(report.failingRows()).containsExactly(1);
  }

  @Test
  void anAnnotationOnTheWrongTypeNamesTheComponent() {
    assertThatThrownBy(() -> Schemas.fromRecord(Broken.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Broken.name: field 'name' is CATEGORICAL; Range applies to INTEGRAL or NUMERIC fields");
  }
}
