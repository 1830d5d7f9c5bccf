package dev.mlops.testing;

import static dev.mlops.testing.MlopsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.api.registry.ModelQuery;
import dev.mlops.api.registry.ModelRegistry;
import dev.mlops.api.registry.Registration;
import dev.mlops.core.registry.FileModelRegistry;
import dev.mlops.core.registry.InMemoryModelRegistry;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class ModelRegistryAssertTest {

  @Test
  void hasAliasPointingTo_passesAndFailsWithTheModelsState(@TempRegistry ModelRegistry registry) {
    registry.register("churn", "bytes", new byte[] {1}, Registration.none());
    registry.register("churn", "bytes", new byte[] {2}, Registration.none());
    registry.setAlias(ModelRef.version("churn", 2), "champion");

    assertThat(registry).hasVersion("churn", 1).hasVersions("churn", 1, 2).hasNoVersion("churn", 3)
        .hasAlias("churn", "champion").pointingTo(2)
        .hasNoAlias("churn", "staging")
        .hasMatches(ModelQuery.builder().alias("champion").build(), 1);
    assertThatThrownBy(() -> assertThat(registry).hasAlias("churn", "champion").pointingTo(1))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected alias churn@champion to point at version 1 but it points at version 2");
    assertThatThrownBy(() -> assertThat(registry).hasAlias("churn", "staging"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("churn has live versions [1, 2] and aliases {champion=2}");
    assertThatThrownBy(() -> assertThat(registry).hasVersion("fraud", 1))
        .isInstanceOf(AssertionError.class).hasMessageContaining("no live version of fraud");
  }

  @Test
  void withPassingGate_failsWithoutAGateResult(@TempRegistry(inMemory = true) ModelRegistry registry) {
    registry.register("churn", "bytes", new byte[] {1}, Registration.none());
    registry.setAlias(ModelRef.version("churn", 1), "champion");
    assertThatThrownBy(() -> assertThat(registry).hasAlias("churn", "champion").withPassingGate())
        .isInstanceOf(AssertionError.class).hasMessageContaining("passing gate result but it has none");
  }

  @Test
  void tempRegistry_injectsAFreshRegistryOfTheDeclaredType(@TempRegistry FileModelRegistry files,
      @TempRegistry InMemoryModelRegistry memory) {
    assertThat(files.root()).isDirectory();
    assertThat(Files.exists(files.root().resolve("registry.json"))).isTrue();
    assertThat(files.modelNames()).isEmpty();
    assertThat(memory.modelNames()).isEmpty();
  }
}
