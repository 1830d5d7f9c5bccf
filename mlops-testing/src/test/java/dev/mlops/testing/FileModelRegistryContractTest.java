package dev.mlops.testing;

import dev.mlops.api.registry.ModelRegistry;
import dev.mlops.api.registry.ModelVersion;
import dev.mlops.api.registry.RegistryOptions;
import dev.mlops.core.registry.Registries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;

class FileModelRegistryContractTest extends ModelRegistryContractTest {
  @TempDir Path dir;
  private final AtomicInteger count = new AtomicInteger();
  private final Map<ModelRegistry, Path> roots = new IdentityHashMap<>();

  @Override
  protected ModelRegistry newRegistry(RegistryOptions options) {
    Path root = dir.resolve("registry-" + count.incrementAndGet());
    ModelRegistry registry = Registries.open(root, options);
    roots.put(registry, root);
    return registry;
  }

  @Override
  protected void corrupt(ModelRegistry registry, ModelVersion version) {
    String hex = version.artifact().hex();
    Path blob = roots.get(registry).resolve("blobs/sha256/" + hex.substring(0, 2) + "/" + hex);
    try {
      Files.write(blob, "tampered".getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected void corruptManifest(ModelRegistry registry, ModelVersion version) {
    Path manifest = roots.get(registry).resolve("models/" + version.name() + "/versions/" + version.version() + ".json");
    try {
      Files.writeString(manifest, "{ not a manifest");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
