package dev.mlops.testing;

import static dev.mlops.testing.MlopsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.api.registry.ModelQuery;
import dev.mlops.api.registry.ModelRef;
import dev.mlops.api.registry.ModelRegistry;
import dev.mlops.api.registry.Registration;
import dev.mlops.core.registry.InMemoryModelRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ModelRegistryAssertTest {

  @Test
  void hasAliasPointingTo_passesAndFailsWithTheModelsState(@TempRegistry ModelRegistry registry) {
    registry.register("churn", "bytes", new byte[] {1}, Registration.none());
    registry.register("churn", "bytes", new byte[] {2}, Registration.none());
    registry.setAlias(ModelRef.version("churn", 2), "champion");

    assertThat(registry).hasVersion(ModelRef.version("churn", 1)).hasVersions("churn", 1, 2)
        .hasNoVersion(ModelRef.version("churn", 3)).hasVersion(ModelRef.parse("churn@champion"))
        .hasAlias("churn", "champion").pointingTo(2)
        .hasNoAlias("churn", "staging")
        .hasMatches(ModelQuery.builder().alias("champion").build(), 1);
    assertThatThrownBy(() -> assertThat(registry).hasAlias("churn", "champion").pointingTo(1))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected alias churn@champion to point at version 1 but it points at version 2");
    assertThatThrownBy(() -> assertThat(registry).hasAlias("churn", "staging"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("churn has live versions [1, 2] and aliases {champion=2}");
    assertThatThrownBy(() -> assertThat(registry).hasVersion(ModelRef.version("fraud", 1)))
        .isInstanceOf(AssertionError.class).hasMessageContaining("no live version of fraud");
    assertThatThrownBy(() -> assertThat(registry).hasNoVersion(ModelRef.parse("churn@champion")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected model version churn@champion not to exist but it does");
  }

  @Test
  void withPassingGate_failsWithoutAGateResult(
      @TempRegistry(storage = TempRegistry.Storage.MEMORY) ModelRegistry registry) {
    registry.register("churn", "bytes", new byte[] {1}, Registration.none());
    registry.setAlias(ModelRef.version("churn", 1), "champion");
    assertThatThrownBy(() -> assertThat(registry).hasAlias("churn", "champion").withPassingGate())
        .isInstanceOf(AssertionError.class).hasMessageContaining("passing gate result but it has none");
  }

  @Test
  void tempRegistry_injectsAFreshRegistryOfTheRequestedStorage(@TempRegistry ModelRegistry files,
      @TempRegistry(storage = TempRegistry.Storage.MEMORY) ModelRegistry memory,
      @TempRegistry InMemoryModelRegistry declaredInMemory) {
    Matcher root = Pattern.compile("FileModelRegistry\\[(.+)]").matcher(files.toString());
    assertThat(root.matches()).as(files.toString()).isTrue();
    assertThat(Path.of(root.group(1))).isDirectory();
    assertThat(Files.exists(Path.of(root.group(1)).resolve("registry.json"))).isTrue();
    assertThat(files.modelNames()).isEmpty();
    assertThat(memory).isInstanceOf(InMemoryModelRegistry.class);
    assertThat(memory.modelNames()).isEmpty();
    assertThat(declaredInMemory.modelNames()).isEmpty();
  }
}
