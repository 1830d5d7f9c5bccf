package dev.mlops.samples.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The architecture rules of {@code CONTRIBUTING.md}, written over a root package so that the same
 * rule runs over the library ({@code dev.mlops}) and over planted violations in test code.
 */
final class ArchitectureRules {
  /** Public records and constructors of the api have at most this many components. */
  static final int MAX_COMPONENTS = 6;

  private ArchitectureRules() {}

  /** The api imports nothing but the JDK and itself. */
  static ArchRule apiHasNoThirdPartyImports(String root) {
    return classes().that().resideInAPackage(root + ".api..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("java..", root + ".api..")
        .as("the api (" + root + ".api) imports only java.* and itself");
  }

  /** Only mlops-tribuo talks to Tribuo, its protobuf and its configuration system. */
  static ArchRule tribuoOnlyInTheTribuoModule(String root) {
    return noClasses().that().resideInAnyPackage(root + ".api..", root + ".core..", root + ".testing..")
        .should().dependOnClassesThat().resideInAnyPackage("org.tribuo..", "com.google.protobuf..",
            "com.oracle.labs.mlrg.olcut..")
        .as("nothing outside " + root + ".tribuo uses Tribuo, protobuf or OLCUT");
  }

  /** No two packages depend on each other, directly or through others. */
  static ArchRule noPackageCycles(String root) {
    return slices().matching(root + ".(**)").should().beFreeOfCycles()
        .as("the packages under " + root + " are free of cycles");
  }

  /** No public api record has more than {@link #MAX_COMPONENTS} components. */
  static ArchRule narrowApiRecords(String root) {
    return classes().that().resideInAPackage(root + ".api..").and().arePublic()
        .should(new ArchCondition<JavaClass>("have at most " + MAX_COMPONENTS + " record components") {
          @Override
          public void check(JavaClass item, ConditionEvents events) {
            Class<?> type = item.reflect();
            if (type.isRecord() && type.getRecordComponents().length > MAX_COMPONENTS) {
              events.add(SimpleConditionEvent.violated(item, item.getName() + " has "
                  + type.getRecordComponents().length + " components; compose it of named parts or give it a builder"));
            }
          }
        })
        .as("public api records have at most " + MAX_COMPONENTS + " components");
  }

  /** No public api constructor takes more than {@link #MAX_COMPONENTS} arguments. */
  static ArchRule narrowApiConstructors(String root) {
    return constructors().that().areDeclaredInClassesThat().resideInAPackage(root + ".api..").and().arePublic()
        .and().areDeclaredInClassesThat().arePublic()
        .should(new ArchCondition<JavaConstructor>("take at most " + MAX_COMPONENTS + " arguments") {
          @Override
          public void check(JavaConstructor item, ConditionEvents events) {
            int n = item.getRawParameterTypes().size();
            if (n > MAX_COMPONENTS) {
              events.add(SimpleConditionEvent.violated(item, item.getFullName() + " takes " + n + " arguments"));
            }
          }
        })
        .as("public api constructors take at most " + MAX_COMPONENTS + " arguments");
  }
}
