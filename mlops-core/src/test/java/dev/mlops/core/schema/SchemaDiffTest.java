package dev.mlops.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.mlops.api.data.ColumnType;
import dev.mlops.api.schema.Schema;
import dev.mlops.api.schema.SchemaChange;
import dev.mlops.api.schema.SchemaChange.Kind;
import dev.mlops.api.common.Severity;
import dev.mlops.api.schema.UnexpectedColumns;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SchemaDiffTest {

  private static final Schema BASE = Schema.builder()
      .field("age", ColumnType.INTEGRAL, f -> f.between(18, 100).maxNullFraction(0.01))
      .field("purpose", ColumnType.CATEGORICAL, f -> f.domain("car", "education"))
      .field("score", ColumnType.NUMERIC, f -> f.optional())
      .rowCount(10, 1000)
      .build();

  @Test
  void equalSchemasHaveNoChanges() {
    assertThat(Schemas.diff(BASE, BASE)).isEmpty();
    assertThat(Schemas.diff(BASE, Schemas.fromJson(Schemas.toJson(BASE)))).isEmpty();
  }

  @Test
  void looseningChangesAreCompatible() {
    Schema looser = Schema.builder()
        .field("age", ColumnType.NUMERIC, f -> f.optional().between(0, 120).maxNullFraction(0.05))
        .field("purpose", ColumnType.CATEGORICAL, f -> f.domain(Set.of("car", "education", "other"), 0.9))
        .field("score", ColumnType.NUMERIC, f -> f.optional().severity(Severity.WARNING).between(0, 1))
        .field("note", ColumnType.CATEGORICAL, f -> f.optional())
        .rowCount(0, 5000)
        .build();

    List<SchemaChange> changes = Schemas.diff(BASE, looser);

    assertThat(changes).extracting(SchemaChange::kind, SchemaChange::field).containsExactlyInAnyOrder(
        tuple(Kind.TYPE_CHANGED, "age"), tuple(Kind.PRESENCE_CHANGED, "age"), tuple(Kind.CONSTRAINT_CHANGED, "age"),
        tuple(Kind.CONSTRAINT_CHANGED, "age"), tuple(Kind.CONSTRAINT_CHANGED, "purpose"),
        tuple(Kind.CONSTRAINT_ADDED, "score"), tuple(Kind.FIELD_ADDED, "note"),
        tuple(Kind.TABLE_CONSTRAINT_REMOVED, ""), tuple(Kind.TABLE_CONSTRAINT_ADDED, ""));
    assertThat(changes).as(changes.toString()).noneMatch(SchemaChange::breaking);
  }

  @Test
  void tighteningChangesAreBreaking() {
    Schema stricter = Schema.builder()
        .field("age", ColumnType.INTEGRAL, f -> f.range(18, false, 100, true).maxNullFraction(0.0))
        .field("purpose", ColumnType.CATEGORICAL, f -> f.domain("car").pattern("[a-z]+"))
        .field("score", ColumnType.INTEGRAL)
        .field("label", ColumnType.CATEGORICAL)
        .unexpectedColumns(UnexpectedColumns.ERROR)
        .rowCount(10, 1000)
        .build();

    List<SchemaChange> changes = Schemas.diff(BASE, stricter);

    assertThat(changes).filteredOn(c -> !c.breaking()).isEmpty();
    assertThat(changes).extracting(SchemaChange::kind).contains(Kind.TYPE_CHANGED, Kind.PRESENCE_CHANGED,
        Kind.CONSTRAINT_CHANGED, Kind.CONSTRAINT_ADDED, Kind.FIELD_ADDED, Kind.UNEXPECTED_COLUMNS_CHANGED);
    assertThat(changes.toString()).contains("BREAKING CONSTRAINT_CHANGED 'age': range [18.0, 100.0] -> range (18.0, 100.0]");
  }

  @Test
  void removingAFieldBreaksOnlyWhenUnexpectedColumnsAreErrors() {
    Schema without = BASE.toBuilder().build();
    Schema.Builder b = Schema.builder();
    BASE.fields().stream().filter(f -> !f.name().equals("score")).forEach(b::field);
    Schema removed = b.rowCount(10, 1000).build();

    assertThat(Schemas.diff(without, removed)).singleElement()
        .satisfies(c -> assertThat(c.kind()).isEqualTo(Kind.FIELD_REMOVED))
        .satisfies(c -> assertThat(c.breaking()).isFalse());
    assertThat(Schemas.diff(BASE, removed.toBuilder().unexpectedColumns(UnexpectedColumns.ERROR).build()))
        .filteredOn(c -> c.kind() == Kind.FIELD_REMOVED).singleElement()
        .satisfies(c -> assertThat(c.breaking()).isTrue());
  }

  @Test
  void severityChangesFollowWhetherDataCanFail() {
    Schema warn = Schema.builder()
        .field("age", ColumnType.INTEGRAL, f -> f.severity(Severity.WARNING).between(18, 100).maxNullFraction(0.01))
        .field("purpose", ColumnType.CATEGORICAL, f -> f.domain("car", "education"))
        .field("score", ColumnType.NUMERIC, f -> f.optional())
        .rowCount(10, 1000)
        .build();

    assertThat(Schemas.diff(BASE, warn)).hasSize(2).noneMatch(SchemaChange::breaking);
    assertThat(Schemas.diff(warn, BASE)).hasSize(2).allMatch(SchemaChange::breaking);
  }
}
