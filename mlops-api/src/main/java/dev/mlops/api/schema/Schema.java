package dev.mlops.api.schema;

import dev.mlops.api.internal.BuilderCalls;
import dev.mlops.api.common.Severity;
import dev.mlops.api.data.Column;
import dev.mlops.api.data.ColumnType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * An immutable data schema: ordered fields with constraints, table-level constraints, and what to
 * do with columns it does not name.
 *
 * <pre>{@code
 * Schema schema = Schema.builder()
 *     .name("loans")
 *     .field("age", ColumnType.INTEGRAL, f -> f.between(18, 100))
 *     .field("purpose", ColumnType.CATEGORICAL, f -> f.domain(Set.of("car", "education"), 0.95))
 *     .field("class", ColumnType.CATEGORICAL, f -> f.domain("good", "bad").absentIn(Schema.SERVING))
 *     .rowCount(100, 1_000_000)
 *     .compare("repaid after granted", "repaid_on", TableConstraint.Op.GE, "granted_on")
 *     .build();
 * }</pre>
 */
public final class Schema {
  /** The conventional name of the training environment. */
  public static final String TRAINING = "TRAINING";
  /** The conventional name of the serving environment, where labels are usually absent. */
  public static final String SERVING = "SERVING";

  private final String name;
  private final Map<String, FieldSpec> fields;
  private final List<TableConstraint> tableConstraints;
  private final UnexpectedColumns unexpectedColumns;

  private Schema(Builder b) {
    this.name = b.name;
    this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(b.fields));
    this.tableConstraints = List.copyOf(b.tableConstraints);
    this.unexpectedColumns = b.unexpectedColumns;
  }

  /**
   * Returns a new builder: no name, no fields, unexpected columns are warnings.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this schema's settings, to derive a changed copy: its name and
   * unexpected-columns policy may be set once more.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.name = name;
    b.fields.putAll(fields);
    b.tableConstraints.addAll(tableConstraints);
    b.unexpectedColumns = unexpectedColumns;
    return b;
  }

  /** @return the schema's name, or an empty string */
  public String name() {
    return name;
  }

  /** @return the fields in order */
  public List<FieldSpec> fields() {
    return List.copyOf(fields.values());
  }

  /**
   * Returns a field by name, if the schema has it.
   *
   * @param name the field name
   * @return the field, or empty when the schema has no such field
   */
  public Optional<FieldSpec> findField(String name) {
    return Optional.ofNullable(fields.get(Objects.requireNonNull(name, "name")));
  }

  /**
   * Returns a field that must exist.
   *
   * @param name the field name
   * @return the field
   * @throws IllegalArgumentException if the schema has no such field; the message lists its fields
   */
  public FieldSpec field(String name) {
    return findField(name).orElseThrow(() -> new IllegalArgumentException(
        "no field '" + name + "' in schema" + (this.name.isEmpty() ? "" : " '" + this.name + "'")
            + "; fields are " + fields.keySet()));
  }

  /** @return the table-level constraints */
  public List<TableConstraint> tableConstraints() {
    return tableConstraints;
  }

  /** @return the policy for columns the schema does not name */
  public UnexpectedColumns unexpectedColumns() {
    return unexpectedColumns;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Schema s && s.name.equals(name) && s.fields.equals(fields)
        && s.tableConstraints.equals(tableConstraints) && s.unexpectedColumns == unexpectedColumns;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, fields, tableConstraints, unexpectedColumns);
  }

  @Override
  public String toString() {
    return "Schema{" + (name.isEmpty() ? "" : name + ", ") + fields.values() + ", " + tableConstraints
        + ", unexpectedColumns=" + unexpectedColumns + "}";
  }

  /** Builds a {@link Schema}; every method validates its argument at once. */
  public static final class Builder {
    private String name = "";
    private final Map<String, FieldSpec> fields = new LinkedHashMap<>();
    private final List<TableConstraint> tableConstraints = new ArrayList<>();
    private UnexpectedColumns unexpectedColumns = UnexpectedColumns.WARN;
    private Severity severity = Severity.ERROR;
    private final BuilderCalls calls = new BuilderCalls();

    private Builder() {}


    /**
     * Names the schema (shown in reports; default: no name).
     *
     * @param name the name
     * @return this builder
     * @throws IllegalStateException if the name was already set on this builder
     */
    public Builder name(String name) {
      Objects.requireNonNull(name, "name");
      calls.once("name", "name(\"" + name + "\")");
      this.name = name;
      return this;
    }

    /**
     * Sets the severity of the table constraints added by the shorthand methods after this call
     * (default {@link Severity#ERROR}).
     *
     * @param severity the severity
     * @return this builder
     */
    public Builder severity(Severity severity) {
      this.severity = Objects.requireNonNull(severity, "severity");
      return this;
    }

    /**
     * Adds a field.
     *
     * @param field the field
     * @return this builder
     * @throws IllegalArgumentException if a field of that name was added before
     */
    public Builder field(FieldSpec field) {
      Objects.requireNonNull(field, "field");
      if (fields.putIfAbsent(field.name(), field) != null) {
        throw new IllegalArgumentException("duplicate field '" + field.name() + "'");
      }
      return this;
    }

    /**
     * Adds a field configured by {@code spec}.
     *
     * @param name the field name
     * @param type its type
     * @param spec adds the field's constraints
     * @return this builder
     */
    public Builder field(String name, ColumnType type, Consumer<FieldSpec.Builder> spec) {
      Objects.requireNonNull(spec, "spec");
      FieldSpec.Builder b = FieldSpec.builder(name, type);
      spec.accept(b);
      return field(b.build());
    }

    /**
     * Adds a required field with no constraint but its type.
     *
     * @param name the field name
     * @param type its type
     * @return this builder
     */
    public Builder field(String name, ColumnType type) {
      return field(FieldSpec.builder(name, type).build());
    }

    /**
     * Adds a table constraint.
     *
     * @param constraint the constraint
     * @return this builder
     */
    public Builder add(TableConstraint constraint) {
      tableConstraints.add(Objects.requireNonNull(constraint, "constraint"));
      return this;
    }

    /**
     * The table has {@code min} to {@code max} rows.
     *
     * @param min the smallest row count
     * @param max the largest row count
     * @return this builder
     */
    public Builder rowCount(long min, long max) {
      return add(new TableConstraint.RowCount(min, max, severity));
    }

    /**
     * No two rows share values in all of {@code fields}.
     *
     * @param fields two or more field names
     * @return this builder
     */
    public Builder uniqueTogether(String... fields) {
      return add(new TableConstraint.UniqueTogether(List.of(Objects.requireNonNull(fields, "fields")), severity));
    }

    /**
     * A named rule {@code left op right} on every row.
     *
     * @param name the rule's name
     * @param left the left field
     * @param op the operator
     * @param right the right field
     * @return this builder
     */
    public Builder compare(String name, String left, TableConstraint.Op op, String right) {
      return add(new TableConstraint.Compare(name, left, op, right, severity));
    }

    /**
     * A named predicate every row must pass (code only; not written to schema files).
     *
     * @param name the rule's name
     * @param predicate the test
     * @return this builder
     */
    public Builder rowRule(String name, RowPredicate predicate) {
      return add(new TableConstraint.RowRule(name, predicate, severity));
    }

    /**
     * A named predicate a column must pass (code only; not written to schema files).
     *
     * @param name the rule's name
     * @param field the field
     * @param predicate the test
     * @return this builder
     */
    public Builder columnRule(String name, String field, Predicate<Column> predicate) {
      return add(new TableConstraint.ColumnRule(name, field, predicate, severity));
    }

    /**
     * Sets the policy for columns the schema does not name (default {@link UnexpectedColumns#WARN}).
     *
     * @param policy the policy
     * @return this builder
     * @throws IllegalStateException if the policy was already set on this builder
     */
    public Builder unexpectedColumns(UnexpectedColumns policy) {
      Objects.requireNonNull(policy, "policy");
      calls.once("unexpectedColumns", "unexpectedColumns(" + policy + ")");
      this.unexpectedColumns = policy;
      return this;
    }

    /**
     * Builds the schema.
     *
     * @return an immutable schema
     * @throws IllegalArgumentException if a table constraint names a field the schema lacks
     */
    public Schema build() {
      for (TableConstraint c : tableConstraints) {
        List<String> named = List.of();
        if (c instanceof TableConstraint.UniqueTogether u) {
          named = u.fields();
        } else if (c instanceof TableConstraint.Compare cmp) {
          named = List.of(cmp.left(), cmp.right());
        } else if (c instanceof TableConstraint.ColumnRule r) {
          named = List.of(r.field());
        }
        for (String f : named) {
          if (!fields.containsKey(f)) {
            throw new IllegalArgumentException(c.getClass().getSimpleName() + " " + c
                + " names field '" + f + "', which the schema does not have; fields are " + fields.keySet());
          }
        }
      }
      return new Schema(this);
    }
  }
}
