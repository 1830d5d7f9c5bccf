package dev.mlops.testing;

import dev.mlops.api.registry.ModelRegistry;
import dev.mlops.api.registry.ModelVersion;
import dev.mlops.api.registry.RegistryOptions;
import dev.mlops.core.registry.InMemoryModelRegistry;
import dev.mlops.core.registry.Registries;
import java.nio.charset.StandardCharsets;

class InMemoryModelRegistryContractTest extends ModelRegistryContractTest {

  @Override
  protected ModelRegistry newRegistry(RegistryOptions options) {
    return Registries.inMemory(options);
  }

  @Override
  protected void corrupt(ModelRegistry registry, ModelVersion version) {
    ((InMemoryModelRegistry) registry).corruptArtifactForTesting(version.artifact().digest(),
        "tampered".getBytes(StandardCharsets.UTF_8));
  }

  @Override
  protected void corruptManifest(ModelRegistry registry, ModelVersion version) {
    ((InMemoryModelRegistry) registry).corruptManifestForTesting(version.ref(),
        "{ not a manifest".getBytes(StandardCharsets.UTF_8));
  }
}
