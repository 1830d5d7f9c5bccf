package dev.mlops.samples.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The library's classes (api, core, testing, tribuo) obey the architecture rules, and each rule
 * catches a violation planted in {@code planted}.
 */
class ArchitectureTest {
  private static final String LIBRARY = "dev.mlops";
  private static final String PLANTED = "dev.mlops.samples.architecture.planted";

  private static JavaClasses library;
  private static JavaClasses planted;

  @BeforeAll
  static void importClasses() {
    library = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(location -> !location.contains("/dev/mlops/samples/") && !location.contains("/dev/mlops/benchmarks/"))
        .importPackages(LIBRARY);
    planted = new ClassFileImporter().importPackages(PLANTED);
  }

  @Test
  void libraryClassesAreImported() {
    assertThat(library.containPackage("dev.mlops.api.schema")).isTrue();
    assertThat(library.containPackage("dev.mlops.core.drift")).isTrue();
    assertThat(library.containPackage("dev.mlops.testing")).isTrue();
    assertThat(library.containPackage("dev.mlops.tribuo")).isTrue();
    assertThat(library.containPackage("dev.mlops.samples")).as("samples are user code").isFalse();
  }

  @Test
  void api_importsNothingButTheJdk() {
    ArchitectureRules.apiHasNoThirdPartyImports(LIBRARY).check(library);
  }

  @Test
  void apiRule_catchesAPlantedGuavaImport() {
    assertViolated(ArchitectureRules.apiHasNoThirdPartyImports(PLANTED), "GuavaInApi", "com.google.common");
  }

  @Test
  void tribuo_isUsedOnlyByTheTribuoModule() {
    ArchitectureRules.tribuoOnlyInTheTribuoModule(LIBRARY).check(library);
  }

  @Test
  void tribuoRule_catchesAPlantedTribuoImportInCore() {
    assertViolated(ArchitectureRules.tribuoOnlyInTheTribuoModule(PLANTED), "TribuoInCore", "org.tribuo.Model");
  }

  @Test
  void packages_haveNoCycles() {
    ArchitectureRules.noPackageCycles(LIBRARY).check(library);
  }

  @Test
  void cycleRule_catchesAPlantedCycle() {
    assertViolated(ArchitectureRules.noPackageCycles(PLANTED), "cycle.a", "cycle.b");
  }

  @Test
  void apiRecords_haveAtMostSixComponents() {
    ArchitectureRules.narrowApiRecords(LIBRARY).check(library);
    ArchitectureRules.narrowApiConstructors(LIBRARY).check(library);
  }

  @Test
  void recordRule_catchesAPlantedSevenComponentRecord() {
    assertViolated(ArchitectureRules.narrowApiRecords(PLANTED), "WideRecord has 7 components");
    assertViolated(ArchitectureRules.narrowApiConstructors(PLANTED), "WideRecord", "takes 7 arguments");
  }

  private static void assertViolated(ArchRule rule, String... expected) {
    EvaluationResult result = rule.evaluate(planted);
    assertThat(result.hasViolation()).as("rule %s over the planted classes", rule.getDescription()).isTrue();
    assertThat(String.join("\n", result.getFailureReport().getDetails())).contains(expected);
  }
}
