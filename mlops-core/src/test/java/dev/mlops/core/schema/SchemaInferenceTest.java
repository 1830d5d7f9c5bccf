package dev.mlops.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.mlops.api.common.Severity;
import dev.mlops.api.data.ColumnType;
import dev.mlops.api.data.CsvOptions;
import dev.mlops.api.data.Table;
import dev.mlops.api.schema.FieldConstraint;
import dev.mlops.api.schema.InferenceOptions;
import dev.mlops.api.schema.Schema;
import dev.mlops.api.schema.ValidationReport;
import dev.mlops.api.schema.Violation;
import dev.mlops.api.schema.ViolationKind;
import dev.mlops.core.data.Columns;
import dev.mlops.core.data.Tables;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SchemaInferenceTest {

  private static String creditCsv() throws IOException {
    try (InputStream in = SchemaInferenceTest.class.getResourceAsStream("/data/credit-g.csv")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void realDataConformsToTheSchemaInferredFromIt() throws IOException {
    Table credit = Tables.fromCsv(creditCsv(), CsvOptions.defaults());

    Schema schema = Schemas.of(credit);
    ValidationReport report = Schemas.validate(credit, schema);

    assertThat(report.violations()).as(report.toText()).isEmpty();
    assertThat(schema.field("age").type()).isEqualTo(ColumnType.INTEGRAL);
    assertThat(schema.field("age").constraint(FieldConstraint.Range.class)).isEqualTo(
        new FieldConstraint.Range(19, true, 75, true, Severity.ERROR));
    assertThat(schema.field("class").constraint(FieldConstraint.Domain.class).values())
        .containsExactlyInAnyOrder("good", "bad");
    assertThat(schema.field("age").constraint(FieldConstraint.NullFraction.class).max()).isZero();
    assertThat(Schemas.fromJson(Schemas.toJson(schema))).isEqualTo(schema);
  }

  @Test
  void corruptedCopyProducesExactlyTheInjectedViolations() throws IOException {
    String[] lines = creditCsv().split("\r?\n");
    List<String> header = Arrays.asList(lines[0].split(","));
    int age = header.indexOf("age");
    int purpose = header.indexOf("purpose");
    int cls = header.indexOf("class");
    Schema schema = Schemas.of(Tables.fromCsv(creditCsv(), CsvOptions.defaults()));
    // rows are 0-based data rows; line = row + 2
    int[] negativeAges = {3, 250, 999};
    int[] spaceships = {10, 11};
    int[] missingClass = {0, 500, 501, 998};
    for (int r : negativeAges) {
      lines[r + 1] = replaceField(lines[r + 1], age, "-5");
    }
    for (int r : spaceships) {
      lines[r + 1] = replaceField(lines[r + 1], purpose, "spaceship");
    }
    for (int r : missingClass) {
      lines[r + 1] = replaceField(lines[r + 1], cls, "");
    }
    Table corrupted = Tables.fromCsv(String.join("\n", lines) + "\n", CsvOptions.defaults());

    ValidationReport report = Schemas.validate(corrupted, schema);

    assertThat(report.violations()).extracting(Violation::kind, Violation::field).containsExactlyInAnyOrder(
        tuple(ViolationKind.OUT_OF_RANGE, "age"),
        tuple(ViolationKind.NOT_IN_DOMAIN, "purpose"),
        tuple(ViolationKind.NULL_FRACTION, "class"));
    assertThat(rows(report, ViolationKind.OUT_OF_RANGE)).containsExactly(3, 250, 999);
    assertThat(report.violations(ViolationKind.OUT_OF_RANGE).get(0).counts().failing()).isEqualTo(3);
    assertThat(rows(report, ViolationKind.NOT_IN_DOMAIN)).containsExactly(10, 11);
    assertThat(rows(report, ViolationKind.NULL_FRACTION)).containsExactly(0, 500, 501, 998);
    assertThat(report.failingRows()).containsExactly(0, 3, 10, 11, 250, 500, 501, 998, 999);
  }

  private static List<Integer> rows(ValidationReport report, ViolationKind kind) {
    List<Integer> rows = new ArrayList<>();
    report.violations(kind).get(0).evidence().examples().forEach(e -> rows.add(e.row()));
    return rows;
  }

  private static String replaceField(String line, int index, String value) {
    String[] cells = line.split(",", -1);
    cells[index] = value;
    return String.join(",", cells);
  }

  @Test
  void slackWidensRangesButNotBelowZeroAndRoundsIntegralBounds() {
    Table t = Tables.builder().integral("n", 1, 10).numeric("x", -1.0, 1.0).build();

    Schema schema = Schemas.of(t, InferenceOptions.builder().rangeSlack(0.5).build());

    FieldConstraint.Range n = schema.field("n").constraint(FieldConstraint.Range.class);
    assertThat(n.min()).isZero();
    assertThat(n.max()).isEqualTo(15);
    FieldConstraint.Range x = schema.field("x").constraint(FieldConstraint.Range.class);
    assertThat(x.min()).isEqualTo(-2.0);
    assertThat(x.max()).isEqualTo(2.0);
  }

  @Test
  void nullsNanAndInfinitiesShapeTheInferredConstraints() {
    Table t = Tables.builder()
        .add(Columns.numericBuilder("x").add(1).addNull().add(Double.NaN).add(Double.POSITIVE_INFINITY).build())
        .build();

    Schema schema = Schemas.of(t);

    assertThat(schema.field("x").constraint(FieldConstraint.NullFraction.class).max()).isEqualTo(0.30);
    assertThat(schema.field("x").findConstraint(FieldConstraint.NoNaN.class)).isEmpty();
    assertThat(schema.field("x").findConstraint(FieldConstraint.NoInfinity.class)).isEmpty();
    assertThat(schema.field("x").constraint(FieldConstraint.Range.class).max()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(schema.field("x").constraint(FieldConstraint.Range.class).min()).isEqualTo(1.0);
    assertThat(Schemas.validate(t, schema).violations()).isEmpty();
  }

  @Test
  void identifiersGetUniquenessNotDomains() {
    String[] ids = new String[200];
    long[] numbers = new long[200];
    String[] colours = new String[200];
    for (int i = 0; i < 200; i++) {
      ids[i] = "user-" + i;
      numbers[i] = 1000 + i;
      colours[i] = i % 3 == 0 ? "red" : "blue";
    }
    Table t = Tables.builder().categorical("id", ids).integral("n", numbers).categorical("colour", colours).build();

    Schema schema = Schemas.of(t);

    assertThat(schema.field("id").findConstraint(FieldConstraint.Domain.class)).isEmpty();
    assertThat(schema.field("id").findConstraint(FieldConstraint.Unique.class)).isPresent();
    assertThat(schema.field("n").findConstraint(FieldConstraint.Unique.class)).isPresent();
    assertThat(schema.field("colour").constraint(FieldConstraint.Domain.class).values())
        .isEqualTo(Set.of("red", "blue"));
    assertThat(schema.field("colour").findConstraint(FieldConstraint.Unique.class)).isEmpty();
  }

  @Test
  void emptyAndAllNullColumnsInferWithoutFailing() {
    Table empty = Tables.builder().add(Columns.numericBuilder("x").build()).build();
    Table allNull = Tables.builder().add(Columns.categoricalBuilder("k").addNull().addNull().build()).build();

    assertThat(Schemas.validate(empty, Schemas.of(empty)).violations()).isEmpty();
    Schema s = Schemas.of(allNull);
    assertThat(s.field("k").constraint(FieldConstraint.NullFraction.class).max()).isEqualTo(1.0);
    assertThat(Schemas.validate(allNull, s).violations()).isEmpty();
  }

  @Test
  void optionsRejectNonsense() {
    assertThatThrownBy(() -> InferenceOptions.builder().rangeSlack(-1).build())
        .hasMessage("rangeSlack must be finite and >= 0, was -1.0");
    assertThatThrownBy(() -> InferenceOptions.builder().nullSlack(2).build())
        .hasMessage("nullSlack must be in [0, 1], was 2.0");
  }
}
