package dev.mlops.core.schema;

import static java.util.Objects.requireNonNull;

import com.google.re2j.Pattern;
import dev.mlops.api.data.Table;
import dev.mlops.api.profile.TableProfile;
import dev.mlops.api.schema.FieldSpec;
import dev.mlops.api.schema.Schema;
import dev.mlops.api.schema.ValidationOptions;
import dev.mlops.api.schema.ValidationReport;
import dev.mlops.api.schema.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The {@link Validator} of core: the schema's fields resolved into {@link FieldPlan}s, patterns
 * compiled, once. Immutable; each validation keeps its state in its own scan object, so one
 * instance serves any number of threads.
 */
final class CompiledValidator implements Validator {
  private final Schema schema;
  private final ValidationOptions options;
  private final List<FieldPlan> plans;

  CompiledValidator(Schema schema, ValidationOptions options) {
    this(schema, options, LinearPatterns::compile);
  }

  /** With the function that compiles patterns (tests count its calls). */
  CompiledValidator(Schema schema, ValidationOptions options, Function<String, Pattern> compiler) {
    this.schema = requireNonNull(schema, "schema");
    this.options = requireNonNull(options, "options");
    List<FieldPlan> list = new ArrayList<>();
    for (FieldSpec field : schema.fields()) {
      try {
        list.add(new FieldPlan(field, compiler));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("field '" + field.name() + "': " + e.getMessage(), e);
      }
    }
    this.plans = List.copyOf(list);
  }

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  public ValidationOptions options() {
    return options;
  }

  List<FieldPlan> plans() {
    return plans;
  }

  @Override
  public ValidationReport validate(Table table) {
    requireNonNull(table, "table");
    return new SchemaValidator(table, this).run();
  }

  @Override
  public ValidationReport validate(TableProfile profile) {
    requireNonNull(profile, "profile");
    return new ProfileValidator(profile, this).run();
  }

  @Override
  public String toString() {
    return "Validator{" + (schema.name().isEmpty() ? "" : schema.name() + ", ") + plans.size() + " fields, "
        + options + "}";
  }
}
