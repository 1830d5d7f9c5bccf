package dev.mlops.core.schema;

import dev.mlops.api.common.Severity;
import dev.mlops.api.data.ColumnType;
import dev.mlops.api.schema.FieldConstraint;
import dev.mlops.api.schema.FieldSpec;
import dev.mlops.api.schema.Schema;
import dev.mlops.api.schema.SchemaChange;
import dev.mlops.api.schema.SchemaChange.Kind;
import dev.mlops.api.schema.TableConstraint;
import dev.mlops.api.schema.UnexpectedColumns;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/** Compares two schemas (see {@link Schemas#diff}). */
final class SchemaDiffer {
  private final List<SchemaChange> changes = new ArrayList<>();

  static List<SchemaChange> diff(Schema before, Schema after) {
    SchemaDiffer d = new SchemaDiffer();
    d.compare(before, after);
    return List.copyOf(d.changes);
  }

  private void add(Kind kind, String field, String description, boolean breaking) {
    changes.add(new SchemaChange(kind, field, description, breaking));
  }

  private void compare(Schema before, Schema after) {
    for (FieldSpec old : before.fields()) {
      Optional<FieldSpec> now = after.findField(old.name());
      if (now.isEmpty()) {
        // Data that still has the column now meets the unexpected-column policy.
        add(Kind.FIELD_REMOVED, old.name(), "removed (" + old.type() + ")",
            after.unexpectedColumns() == UnexpectedColumns.ERROR);
      } else {
        compareField(old, now.get());
      }
    }
    for (FieldSpec now : after.fields()) {
      if (before.findField(now.name()).isEmpty()) {
        add(Kind.FIELD_ADDED, now.name(), (now.required() ? "required " : "optional ") + now.type(),
            now.required() || hasErrorConstraint(now));
      }
    }
    if (before.unexpectedColumns() != after.unexpectedColumns()) {
      add(Kind.UNEXPECTED_COLUMNS_CHANGED, "", before.unexpectedColumns() + " -> " + after.unexpectedColumns(),
          after.unexpectedColumns() == UnexpectedColumns.ERROR);
    }
    List<TableConstraint> oldTable = new ArrayList<>(before.tableConstraints());
    List<TableConstraint> newTable = new ArrayList<>(after.tableConstraints());
    for (TableConstraint c : before.tableConstraints()) {
      if (newTable.remove(c)) {
        oldTable.remove(c);
      }
    }
    for (TableConstraint c : oldTable) {
      add(Kind.TABLE_CONSTRAINT_REMOVED, "", "removed " + c, false);
    }
    for (TableConstraint c : newTable) {
      boolean looser = false;
      if (c instanceof TableConstraint.RowCount rc) {
        for (TableConstraint o : oldTable) {
          if (o instanceof TableConstraint.RowCount orc && orc.severity() == Severity.ERROR) {
            looser = rc.min() <= orc.min() && rc.max() >= orc.max();
          }
        }
      }
      add(Kind.TABLE_CONSTRAINT_ADDED, "", "added " + c, c.severity() == Severity.ERROR && !looser);
    }
  }

  private static boolean hasErrorConstraint(FieldSpec f) {
    return f.constraints().stream().anyMatch(c -> c.severity() == Severity.ERROR);
  }

  private void compareField(FieldSpec old, FieldSpec now) {
    String name = old.name();
    if (old.type() != now.type()) {
      boolean widening = old.type() == ColumnType.INTEGRAL && now.type() == ColumnType.NUMERIC;
      add(Kind.TYPE_CHANGED, name, old.type() + " -> " + now.type(), !widening);
    }
    if (old.required() != now.required()) {
      add(Kind.PRESENCE_CHANGED, name, old.required() ? "required -> optional" : "optional -> required",
          now.required());
    }
    if (!old.absentIn().equals(now.absentIn())) {
      add(Kind.ENVIRONMENTS_CHANGED, name, "may be absent in " + old.absentIn() + " -> " + now.absentIn(),
          now.required() && !now.absentIn().containsAll(old.absentIn()));
    }
    Map<String, FieldConstraint> before = byKey(old);
    Map<String, FieldConstraint> after = byKey(now);
    for (Map.Entry<String, FieldConstraint> e : before.entrySet()) {
      FieldConstraint b = e.getValue();
      FieldConstraint a = after.get(e.getKey());
      if (a == null) {
        add(Kind.CONSTRAINT_REMOVED, name, "removed " + describe(b), false);
      } else if (!a.equals(b)) {
        boolean breaking = a.severity() == Severity.ERROR
            && (b.severity() == Severity.WARNING || !looserOrEqual(b, a));
        add(Kind.CONSTRAINT_CHANGED, name, describe(b) + " -> " + describe(a), breaking);
      }
    }
    for (Map.Entry<String, FieldConstraint> e : after.entrySet()) {
      if (!before.containsKey(e.getKey())) {
        add(Kind.CONSTRAINT_ADDED, name, "added " + describe(e.getValue()), e.getValue().severity() == Severity.ERROR);
      }
    }
  }

  /** A constraint in the words of a schema review: {@code range [18, 100]}, {@code domain [a, b] mostly 0.9}. */
  static String describe(FieldConstraint c) {
    String text;
    if (c instanceof FieldConstraint.NullFraction x) {
      text = "max null fraction " + SchemaValidator.format(x.max());
    } else if (c instanceof FieldConstraint.NoNaN) {
      text = "no NaN";
    } else if (c instanceof FieldConstraint.NoInfinity) {
      text = "no infinity";
    } else if (c instanceof FieldConstraint.Range x) {
      text = "range " + x;
    } else if (c instanceof FieldConstraint.MeanBetween x) {
      text = "mean in [" + x.min() + ", " + x.max() + "]";
    } else if (c instanceof FieldConstraint.StddevBetween x) {
      text = "stddev in [" + x.min() + ", " + x.max() + "]";
    } else if (c instanceof FieldConstraint.QuantileBetween x) {
      text = "quantile " + x.q() + " in [" + x.min() + ", " + x.max() + "]";
    } else if (c instanceof FieldConstraint.Domain x) {
      text = "domain " + new TreeSet<>(x.values()) + (x.mostly() < 1 ? " mostly " + x.mostly() : "");
    } else if (c instanceof FieldConstraint.MaxDistinct x) {
      text = "max distinct " + x.max();
    } else if (c instanceof FieldConstraint.Pattern x) {
      text = "pattern /" + x.regex() + "/";
    } else if (c instanceof FieldConstraint.Length x) {
      text = "length [" + x.min() + ", " + x.max() + "]";
    } else {
      text = "unique";
    }
    return c.severity() == Severity.WARNING ? text + " (warning)" : text;
  }

  /** Constraints keyed by kind (and quantile), so that a changed bound pairs with its old self. */
  private static Map<String, FieldConstraint> byKey(FieldSpec f) {
    Map<String, FieldConstraint> out = new LinkedHashMap<>();
    for (FieldConstraint c : f.constraints()) {
      String key = c.getClass().getSimpleName()
          + (c instanceof FieldConstraint.QuantileBetween q ? "@" + q.q() : "");
      out.put(key, c);
    }
    return out;
  }

  /** Whether every value set accepted by {@code before} is accepted by {@code after}. */
  private static boolean looserOrEqual(FieldConstraint before, FieldConstraint after) {
    if (before instanceof FieldConstraint.NullFraction b && after instanceof FieldConstraint.NullFraction a) {
      return a.max() >= b.max();
    }
    if (before instanceof FieldConstraint.Range b && after instanceof FieldConstraint.Range a) {
      boolean lowOk = a.min() < b.min() || (a.min() == b.min() && (a.minInclusive() || !b.minInclusive()));
      boolean highOk = a.max() > b.max() || (a.max() == b.max() && (a.maxInclusive() || !b.maxInclusive()));
      return lowOk && highOk;
    }
    if (before instanceof FieldConstraint.MeanBetween b && after instanceof FieldConstraint.MeanBetween a) {
      return a.min() <= b.min() && a.max() >= b.max();
    }
    if (before instanceof FieldConstraint.StddevBetween b && after instanceof FieldConstraint.StddevBetween a) {
      return a.min() <= b.min() && a.max() >= b.max();
    }
    if (before instanceof FieldConstraint.QuantileBetween b && after instanceof FieldConstraint.QuantileBetween a) {
      return a.min() <= b.min() && a.max() >= b.max();
    }
    if (before instanceof FieldConstraint.Domain b && after instanceof FieldConstraint.Domain a) {
      return a.values().containsAll(b.values()) && a.mostly() <= b.mostly();
    }
    if (before instanceof FieldConstraint.MaxDistinct b && after instanceof FieldConstraint.MaxDistinct a) {
      return a.max() >= b.max();
    }
    if (before instanceof FieldConstraint.Length b && after instanceof FieldConstraint.Length a) {
      return a.min() <= b.min() && a.max() >= b.max();
    }
    // Same kind without bounds (NoNaN, Unique...) differs only in severity; a pattern change can't be judged.
    return !(before instanceof FieldConstraint.Pattern) && Objects.equals(before.getClass(), after.getClass());
  }
}
