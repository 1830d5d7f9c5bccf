package dev.mlops.testing;

import static dev.mlops.testing.MlopsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.api.common.Severity;
import dev.mlops.api.data.ColumnType;
import dev.mlops.api.data.Table;
import dev.mlops.api.schema.Schema;
import dev.mlops.api.schema.ValidationOptions;
import dev.mlops.api.schema.ValidationReport;
import dev.mlops.api.schema.Validator;
import dev.mlops.api.schema.ViolationKind;
import dev.mlops.core.data.Tables;
import dev.mlops.core.schema.Schemas;
import org.junit.jupiter.api.Test;

class ValidationReportAssertTest {

  private final Table table = Tables.builder().numeric("age", 31, -4, 230).categorical("k", "a", "b", "zz").build();
  private final Schema schema = Schema.builder().name("people")
      .field("age", ColumnType.NUMERIC, f -> f.between(0, 120))
      .field("k", ColumnType.CATEGORICAL, f -> f.severity(Severity.WARNING).length(1, 1))
      .field("label", ColumnType.CATEGORICAL, f -> f.absentIn(Schema.SERVING))
      .build();

  @Test
  void conformsToFailsWithTheWorstViolationsAndTheirRows() {
    assertThatThrownBy(() -> assertThat(table).conformsTo(schema))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected table to conform to the schema but:")
        .hasMessageContaining("2 error(s), 1 warning(s) over 3 rows against 'people'")
        .hasMessageContaining("ERROR MISSING_COLUMN 'label'")
        .hasMessageContaining("ERROR OUT_OF_RANGE 'age'")
        .hasMessageContaining("row 1=\"-4\", row 2=\"230\"");
  }

  @Test
  void conformsToHonoursTheEnvironmentAndSeverityPolicy() {
    Table fine = Tables.builder().numeric("age", 31).categorical("k", "a").build();

    assertThat(fine).conformsTo(schema, ValidationOptions.builder().environment(Schema.SERVING).build());
    assertThatThrownBy(() -> assertThat(fine).conformsTo(schema)).hasMessageContaining("MISSING_COLUMN 'label'");
  }

  @Test
  void conformsToAcceptsAPreparedValidatorWithItsOptions() {
    Table fine = Tables.builder().numeric("age", 31).categorical("k", "a").build();
    Validator serving = Schemas.validator(schema, ValidationOptions.builder().environment(Schema.SERVING).build());

    assertThat(fine).conformsTo(serving);
    assertThatThrownBy(() -> assertThat(fine).conformsTo(Schemas.validator(schema)))
        .hasMessageContaining("MISSING_COLUMN 'label'");
  }

  @Test
  void reportAssertionsPassAndFail() {
    ValidationReport report = Schemas.validate(table, schema);

    assertThat(report).hasViolation(ViolationKind.OUT_OF_RANGE, "age")
        .hasViolation(ViolationKind.LENGTH_OUT_OF_RANGE, "k")
        .doesNotHaveViolation(ViolationKind.NOT_UNIQUE, "age")
        .hasFailingRows(1, 2);
    assertThatThrownBy(() -> assertThat(report).hasNoErrors()).hasMessageStartingWith("Expected no schema errors");
    assertThatThrownBy(() -> assertThat(report).hasViolation(ViolationKind.NAN, "age"))
        .hasMessageStartingWith("Expected a NAN violation on 'age' but found:");
    assertThatThrownBy(() -> assertThat(report).hasFailingRows(1))
        .hasMessageStartingWith("Expected failing rows [1] but were [1, 2]");
  }

  @Test
  void warningsAloneAreNoErrorsButAreViolations() {
    Table ok = Tables.builder().numeric("age", 31).categorical("k", "zz").categorical("label", "x").build();
    ValidationReport report = Schemas.validate(ok, schema);

    assertThat(report).hasNoErrors();
    assertThatThrownBy(() -> assertThat(report).hasNoViolations())
        .hasMessageContaining("WARNING LENGTH_OUT_OF_RANGE 'k'");
  }
}
