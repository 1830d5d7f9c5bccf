package dev.mlops.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.api.data.ColumnType;
import dev.mlops.api.data.Table;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RowSelectionTest {
  private static Table table() {
    return Tables.builder()
        .add(Columns.numericBuilder("x").add(1.5).addNull().add(Double.NaN).add(-2).build())
        .integral("n", 1, 2, 3, 4)
        .add(Columns.categoricalBuilder("c").add("a").add("b").addNull().add("a").build())
        .add(Columns.booleanBuilder("b").add(true).addNull().add(false).add(true).build())
        .add(Columns.timestampBuilder("t").add(Instant.parse("2024-01-01T00:00:00Z")).addNull()
            .addEpochMicros(7).addEpochMicros(-1).build())
        .build();
  }

  @Test
  void selectCopiesRowsInOrderWithRepeatsNullsAndTypes() {
    Table s = Tables.select(table(), new int[] {3, 1, 3, 2});
    assertThat(s.rowCount()).isEqualTo(4);
    assertThat(s.column("n").type()).isEqualTo(ColumnType.INTEGRAL);
    assertThat(s.numeric("x").getDouble(0)).isEqualTo(-2);
    assertThat(s.numeric("x").isNull(1)).isTrue();
    assertThat(s.numeric("x").getDouble(3)).isNaN();
    assertThat(s.numeric("n").getDouble(2)).isEqualTo(4);
    assertThat(s.categorical("c").getString(0)).isEqualTo("a");
    assertThat(s.categorical("c").isNull(3)).isTrue();
    assertThat(s.bool("b").isNull(1)).isTrue();
    assertThat(s.bool("b").getBoolean(3)).isFalse();
    assertThat(s.timestamp("t").getEpochMicros(0)).isEqualTo(-1);
    assertThat(s.timestamp("t").getEpochMicros(3)).isEqualTo(7);
  }

  @Test
  void dropRowsKeepsTheRestInOrder() {
    Table d = Tables.dropRows(table(), new int[] {1, 1, 2});
    assertThat(d.rowCount()).isEqualTo(2);
    assertThat(d.numeric("n").getDouble(0)).isEqualTo(1);
    assertThat(d.numeric("n").getDouble(1)).isEqualTo(4);
    assertThat(Tables.dropRows(table(), new int[0]).rowCount()).isEqualTo(4);
    assertThat(Tables.select(table(), new int[0]).rowCount()).isZero();
  }

  @Test
  void aRowOutsideTheTableIsNamed() {
    assertThatThrownBy(() -> Tables.select(table(), new int[] {0, 4}))
        .isInstanceOf(IndexOutOfBoundsException.class).hasMessage("rows[1] = 4 is not a row of a table with 4 rows");
    assertThatThrownBy(() -> Tables.dropRows(table(), new int[] {-1})).hasMessageContaining("rows[0] = -1");
  }
}
