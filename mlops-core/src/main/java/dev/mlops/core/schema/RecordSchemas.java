package dev.mlops.core.schema;

import dev.mlops.api.data.ColumnType;
import dev.mlops.api.data.Table;
import dev.mlops.api.schema.FieldSpec;
import dev.mlops.api.schema.Schema;
import dev.mlops.api.schema.annotation.Domain;
import dev.mlops.api.schema.annotation.NullsAllowed;
import dev.mlops.api.schema.annotation.Pattern;
import dev.mlops.api.schema.annotation.Range;
import dev.mlops.core.data.Tables;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/** A schema from a record class and our annotations (see {@link Schemas#fromRecord}). */
final class RecordSchemas {
  private RecordSchemas() {}

  static Schema fromRecord(Class<? extends Record> type) {
    // The column types are those Tables.fromRecords gives the same class: one mapping, one place.
    Table shape = Tables.fromRecords(List.of(), cast(type));
    Schema.Builder schema = Schema.builder().name(type.getSimpleName());
    for (RecordComponent rc : type.getRecordComponents()) {
      String name = rc.getName();
      ColumnType columnType = shape.column(name).type();
      FieldSpec.Builder f = FieldSpec.builder(name, columnType);
      try {
        NullsAllowed nullable = rc.getAnnotation(NullsAllowed.class);
        boolean optional = rc.getType() == Optional.class || rc.getType() == OptionalInt.class
            || rc.getType() == OptionalLong.class || rc.getType() == OptionalDouble.class;
        if (nullable != null) {
          if (nullable.maxFraction() < 1) {
            f.maxNullFraction(nullable.maxFraction());
          }
        } else if (!optional) {
          f.notNull();
        }
        Range range = rc.getAnnotation(Range.class);
        if (range != null) {
          f.range(range.min(), range.minInclusive(), range.max(), range.maxInclusive());
        }
        Domain domain = rc.getAnnotation(Domain.class);
        if (domain != null) {
          Set<String> values = new LinkedHashSet<>(Arrays.asList(domain.value()));
          if (values.isEmpty() && rc.getType().isEnum()) {
            for (Object constant : rc.getType().getEnumConstants()) {
              values.add(((Enum<?>) constant).name());
            }
          }
          f.domain(values, domain.mostly());
        } else if (rc.getType().isEnum()) {
          Set<String> values = new LinkedHashSet<>();
          for (Object constant : rc.getType().getEnumConstants()) {
            values.add(((Enum<?>) constant).name());
          }
          f.domain(values, 1.0);
        }
        Pattern pattern = rc.getAnnotation(Pattern.class);
        if (pattern != null) {
          f.pattern(pattern.value());
        }
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw new IllegalArgumentException(type.getName() + "." + name + ": " + e.getMessage(), e);
      }
      schema.field(f.build());
    }
    return schema.build();
  }

  @SuppressWarnings("unchecked")
  private static <T> Class<T> cast(Class<?> type) {
    return (Class<T>) type;
  }
}
