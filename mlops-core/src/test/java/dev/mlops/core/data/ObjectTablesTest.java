package dev.mlops.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.api.data.ColumnType;
import dev.mlops.api.data.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ObjectTablesTest {

  enum Plan { FREE, PRO }

  record Customer(String name, int age, Double income, boolean active, Plan plan, Instant since,
      Optional<String> referrer, OptionalDouble score, LocalDate birthday) {}

  public static final class Bean {
    private final long id;
    private final String city;

    public Bean(long id, String city) {
      this.id = id;
      this.city = city;
    }

    public long getId() {
      return id;
    }

    public String getCity() {
      return city;
    }
  }

  record Unsupported(String name, List<String> tags) {}

  @Test
  void recordsBecomeTypedColumnsInComponentOrder() {
    List<Customer> rows = List.of(
        new Customer("Ada", 36, 52_000.0, true, Plan.PRO, Instant.parse("2020-01-01T00:00:00Z"),
            Optional.of("Bob"), OptionalDouble.of(0.5), LocalDate.of(1990, 5, 1)),
        new Customer("Ünal", 41, null, false, Plan.FREE, null, Optional.empty(), OptionalDouble.empty(), null));

    Table t = Tables.fromRecords(rows, Customer.class);

    assertThat(t.columnNames()).containsExactly(
        "name", "age", "income", "active", "plan", "since", "referrer", "score", "birthday");
    assertThat(t.columns()).extracting(c -> c.type()).containsExactly(
        ColumnType.CATEGORICAL, ColumnType.INTEGRAL, ColumnType.NUMERIC, ColumnType.BOOLEAN,
        ColumnType.CATEGORICAL, ColumnType.TIMESTAMP, ColumnType.CATEGORICAL, ColumnType.NUMERIC,
        ColumnType.TIMESTAMP);
    assertThat(t.numeric("income").isNull(1)).isTrue();
    assertThat(t.categorical("plan").getString(0)).isEqualTo("PRO");
    assertThat(t.categorical("referrer").isNull(1)).isTrue();
    assertThat(t.numeric("score").getDouble(0)).isEqualTo(0.5);
    assertThat(t.timestamp("birthday").getInstant(0)).isEqualTo(Instant.parse("1990-05-01T00:00:00Z"));
    assertThat(t.categorical("name").getString(1)).isEqualTo("Ünal");
  }

  @Test
  void javaBeansBecomeColumnsThroughTheirGetters() {
    Table t = Tables.fromRecords(List.of(new Bean(7, "Oslo"), new Bean(8, "Bergen")), Bean.class);

    assertThat(t.columnNames()).containsExactlyInAnyOrder("id", "city");
    assertThat(t.numeric("id").isIntegral()).isTrue();
    assertThat(t.categorical("city").getString(1)).isEqualTo("Bergen");
  }

  @Test
  void emptyListGivesZeroRowsWithTypedColumns() {
    Table t = Tables.fromRecords(List.of(), Customer.class);

    assertThat(t.rowCount()).isZero();
    assertThat(t.column("age").type()).isEqualTo(ColumnType.INTEGRAL);
  }

  @Test
  void unsupportedComponentTypeIsNamed() {
    assertThatThrownBy(() -> Tables.fromRecords(List.of(new Unsupported("a", List.of())), Unsupported.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("property 'tags'")
        .hasMessageContaining("java.util.List<java.lang.String>")
        .hasMessageContaining("supported:");
  }

  @Test
  void nullRowIsNamed() {
    List<Bean> rows = Arrays.asList(new Bean(1, "a"), null);

    assertThatThrownBy(() -> Tables.fromRecords(rows, Bean.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("row 1 is null; expected a Bean");
  }

  @Test
  void mapRowsUnionTheirKeysAndMixIntegersWithDoubles() {
    Map<String, Object> first = new LinkedHashMap<>();
    first.put("id", 1);
    first.put("score", 0.5);
    Map<String, Object> second = new LinkedHashMap<>();
    second.put("id", 2L);
    second.put("score", 3);
    second.put("city", "Köln");
    second.put("gone", null);

    Table t = Tables.fromMaps(List.of(first, second));

    assertThat(t.columnNames()).containsExactly("id", "score", "city", "gone");
    assertThat(t.numeric("id").isIntegral()).isTrue();
    assertThat(t.numeric("score").isIntegral()).isFalse();
    assertThat(t.numeric("score").toDoubleArray()).containsExactly(0.5, 3);
    assertThat(t.categorical("city").isNull(0)).isTrue();
    assertThat(t.column("gone").type()).isEqualTo(ColumnType.CATEGORICAL);
    assertThat(t.column("gone").nullCount()).isEqualTo(2);
  }

  @Test
  void mapColumnMixingTypesFailsNamingBothRows() {
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(Map.of("a", 1));
    rows.add(Map.of("a", "one"));

    assertThatThrownBy(() -> Tables.fromMaps(rows))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("column 'a' mixes types: INTEGRAL (Integer in row 0) and CATEGORICAL (String in row 1);"
            + " expected one type per column");
  }

  @Test
  void mapNullKeyAndUnsupportedValueAreRejected() {
    Map<String, Object> nullKey = new HashMap<>();
    nullKey.put(null, 1);

    assertThatThrownBy(() -> Tables.fromMaps(List.of(nullKey)))
        .hasMessage("row 0 has a null key; column names must be non-null");
    assertThatThrownBy(() -> Tables.fromMaps(List.of(Map.of("x", new Object()))))
        .hasMessageContaining("row 0, column 'x': value of type java.lang.Object has no column type");
  }

  @Test
  void bigDecimalsAreNumeric() {
    Table t = Tables.fromMaps(List.of(Map.of("p", new BigDecimal("1.25"))));

    assertThat(t.numeric("p").getDouble(0)).isEqualTo(1.25);
  }
}
