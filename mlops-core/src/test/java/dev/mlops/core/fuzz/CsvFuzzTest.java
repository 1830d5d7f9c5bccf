package dev.mlops.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mlops.api.data.Column;
import dev.mlops.api.data.ColumnType;
import dev.mlops.api.data.CsvOptions;
import dev.mlops.api.data.Table;
import dev.mlops.core.data.Tables;
import dev.mlops.core.fuzz.Documented.Where;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Fuzzes the CSV reader with arbitrary bytes: read as a stream and as a string with type
 * inference, in a second dialect (semicolon, backslash escape, trimmed fields, blank lines kept),
 * then, when the text reads, again with every column's type declared, first as inferred (which
 * must read the same table) and then shifted to another type (which must read or be rejected
 * naming the line). Corpus: {@code CsvFuzzTestInputs/csv/}.
 */
class CsvFuzzTest {
  private static final CsvOptions DIALECT =
      CsvOptions.builder().delimiter(';').escape('\\').trimFields().keepBlankLines().build();
  private static final ColumnType[] TYPES = ColumnType.values();

  @FuzzTest(maxDuration = "10m")
  void csv(byte[] input) throws Exception {
    Documented.read("fuzz.csv", Where.LINE,
        () -> Tables.readCsv(new ByteArrayInputStream(input), "fuzz.csv", CsvOptions.defaults()));
    String text = new String(input, StandardCharsets.UTF_8);
    Documented.read("<string>", Where.LINE, () -> Tables.fromCsv(text, DIALECT));
    Optional<Table> inferred = Documented.read("<string>", Where.LINE, () -> Tables.fromCsv(text, CsvOptions.defaults()));
    if (inferred.isEmpty()) {
      return;
    }
    Table table = inferred.get();
    Map<String, ColumnType> same = new LinkedHashMap<>();
    Map<String, ColumnType> shifted = new LinkedHashMap<>();
    int i = 0;
    for (Column c : table.columns()) {
      same.put(c.name(), c.type());
      shifted.put(c.name(), TYPES[(c.type().ordinal() + 1 + i++) % TYPES.length]);
    }
    Table declared = Tables.fromCsv(text, CsvOptions.builder().columnTypes(same).build());
    assertThat(declared.rowCount()).as("rows when the inferred types are declared").isEqualTo(table.rowCount());
    for (Column c : table.columns()) {
      Column d = declared.column(c.name());
      assertThat(d.type()).isEqualTo(c.type());
      for (int row = 0; row < c.size(); row++) {
        assertThat(d.get(row)).as("column '%s' row %d", c.name(), row).isEqualTo(c.get(row));
      }
    }
    Documented.read("<string>", Where.LINE, () -> Tables.fromCsv(text, CsvOptions.builder().columnTypes(shifted).build()));
  }
}
