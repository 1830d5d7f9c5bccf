package dev.mlops.core.data;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import dev.mlops.api.data.Column;
import dev.mlops.api.data.ColumnType;
import dev.mlops.api.data.Table;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Tables from Java records, JavaBeans and {@code Map} rows. */
final class ObjectTables {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ObjectTables() {}

  /** A readable property of a row type. */
  private record Property(String name, ColumnType type, Getter getter) {}

  @FunctionalInterface
  private interface Getter {
    Object get(Object row) throws ReflectiveOperationException;
  }

  static <T> Table fromObjects(List<? extends T> rows, Class<T> type) {
    requireNonNull(rows, "rows");
    requireNonNull(type, "type");
    List<Property> properties = type.isRecord() ? recordProperties(type) : beanProperties(type);
    if (properties.isEmpty()) {
      throw new IllegalArgumentException(type.getName() + " has no readable properties"
          + (type.isRecord() ? "" : " (public getters or fields)"));
    }
    List<ObjectColumn> columns = new ArrayList<>(properties.size());
    for (Property p : properties) {
      columns.add(new ObjectColumn(p.name(), p.type(), rows.size()));
    }
    int r = 0;
    for (T row : rows) {
      if (row == null) {
        throw new IllegalArgumentException("row " + r + " is null; expected a " + type.getSimpleName());
      }
      for (int c = 0; c < properties.size(); c++) {
        Property p = properties.get(c);
        Object value;
        try {
          value = p.getter().get(row);
        } catch (InvocationTargetException e) {
          throw new IllegalArgumentException("reading '" + p.name() + "' of row " + r + " threw " + e.getCause(),
              e.getCause());
        } catch (ReflectiveOperationException e) {
          throw new IllegalArgumentException("cannot read '" + p.name() + "' of " + type.getName()
              + " (is the type public, or its package open?): " + e, e);
        }
        try {
          columns.get(c).add(value);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("row " + r + ": " + e.getMessage(), e);
        }
      }
      r++;
    }
    List<Column> built = new ArrayList<>(columns.size());
    columns.forEach(c -> built.add(c.build()));
    return new ColumnarTable(rows.size(), built);
  }

  private static List<Property> recordProperties(Class<?> type) {
    List<Property> out = new ArrayList<>();
    for (RecordComponent rc : type.getRecordComponents()) {
      ColumnType ct = columnType(rc.getType(), rc.getGenericType(), type, rc.getName());
      Method accessor = rc.getAccessor();
      trySetAccessible(accessor);
      out.add(new Property(rc.getName(), ct, accessor::invoke));
    }
    return out;
  }

  private static List<Property> beanProperties(Class<?> type) {
    JavaType javaType = MAPPER.constructType(type);
    BeanDescription description = MAPPER.getSerializationConfig().introspect(javaType);
    List<Property> out = new ArrayList<>();
    for (BeanPropertyDefinition def : description.findProperties()) {
      AnnotatedMember accessor = def.getAccessor();
      if (accessor == null) {
        continue;
      }
      accessor.fixAccess(true);
      ColumnType ct = columnType(accessor.getRawType(), accessor.getType(), type, def.getName());
      out.add(new Property(def.getName(), ct, accessor::getValue));
    }
    return out;
  }

  private static ColumnType columnType(Class<?> raw, Type generic, Class<?> owner, String property) {
    Class<?> element = raw;
    if (raw == Optional.class && generic instanceof ParameterizedType pt
        && pt.getActualTypeArguments()[0] instanceof Class<?> arg) {
      element = arg;
    }
    return columnTypeOf(element, generic.getTypeName(), owner, property);
  }

  private static ColumnType columnType(Class<?> raw, JavaType type, Class<?> owner, String property) {
    Class<?> element = raw;
    if (raw == Optional.class && type.containedTypeCount() == 1) {
      element = type.containedType(0).getRawClass();
    }
    return columnTypeOf(element, type.toCanonical(), owner, property);
  }

  private static ColumnType columnTypeOf(Class<?> element, String typeName, Class<?> owner, String property) {
    ColumnType ct = ObjectColumn.typeOf(element);
    if (ct == null) {
      throw new IllegalArgumentException("property '" + property + "' of " + owner.getName() + " has type "
          + typeName + ", which has no column type; supported: " + ObjectColumn.SUPPORTED);
    }
    return ct;
  }

  private static void trySetAccessible(Method m) {
    try {
      m.setAccessible(true);
    } catch (RuntimeException e) {
      // public accessors of exported types need no access; others fail with a clear message on read
    }
  }

  static Table fromMaps(List<? extends Map<String, ?>> rows) {
    requireNonNull(rows, "rows");
    Map<String, ColumnType> types = new LinkedHashMap<>();
    Map<String, String> firstSeen = new LinkedHashMap<>();
    for (int r = 0; r < rows.size(); r++) {
      Map<String, ?> row = rows.get(r);
      if (row == null) {
        throw new IllegalArgumentException("row " + r + " is null; expected a Map");
      }
      for (Map.Entry<String, ?> e : row.entrySet()) {
        String key = e.getKey();
        if (key == null) {
          throw new IllegalArgumentException("row " + r + " has a null key; column names must be non-null");
        }
        if (key.isEmpty()) {
          throw new IllegalArgumentException("row " + r + " has an empty key; column names must be non-empty");
        }
        types.putIfAbsent(key, null);
        Object v = e.getValue();
        if (v == null) {
          continue;
        }
        ColumnType t = ObjectColumn.typeOf(v.getClass());
        if (v instanceof Optional<?> o) {
          t = o.isPresent() ? ObjectColumn.typeOf(o.get().getClass()) : types.get(key);
          if (o.isEmpty()) {
            continue;
          }
        }
        if (t == null) {
          throw new IllegalArgumentException("row " + r + ", column '" + key + "': value of type "
              + v.getClass().getName() + " has no column type; supported: " + ObjectColumn.SUPPORTED);
        }
        ColumnType before = types.get(key);
        if (before == null) {
          types.put(key, t);
          firstSeen.put(key, v.getClass().getSimpleName() + " in row " + r);
        } else if (before != t) {
          if (before.isNumeric() && t.isNumeric()) {
            types.put(key, ColumnType.NUMERIC);
          } else {
            throw new IllegalArgumentException("column '" + key + "' mixes types: " + before + " ("
                + firstSeen.get(key) + ") and " + t + " (" + v.getClass().getSimpleName() + " in row " + r
                + "); expected one type per column");
          }
        }
      }
    }
    List<ObjectColumn> columns = new ArrayList<>(types.size());
    types.forEach((name, type) -> columns.add(
        new ObjectColumn(name, type == null ? ColumnType.CATEGORICAL : type, rows.size())));
    for (Map<String, ?> row : rows) {
      int c = 0;
      for (String name : types.keySet()) {
        columns.get(c++).add(row.get(name));
      }
    }
    List<Column> built = new ArrayList<>(columns.size());
    columns.forEach(c -> built.add(c.build()));
    return new ColumnarTable(rows.size(), built);
  }
}
