package dev.mlops.testing;

import dev.mlops.api.registry.ModelRegistry;
import dev.mlops.api.registry.ModelVersion;
import dev.mlops.core.registry.FileModelRegistry;
import dev.mlops.core.registry.Registries;
import dev.mlops.core.registry.RegistryOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;

class FileModelRegistryContractTest extends ModelRegistryContractTest {
  @TempDir Path dir;
  private final AtomicInteger count = new AtomicInteger();

  @Override
  protected ModelRegistry newRegistry(RegistryOptions options) {
    return Registries.open(dir.resolve("registry-" + count.incrementAndGet()), options);
  }

  @Override
  protected void corrupt(ModelRegistry registry, ModelVersion version) {
    String hex = version.artifact().hex();
    Path blob = ((FileModelRegistry) registry).root().resolve("blobs/sha256/" + hex.substring(0, 2) + "/" + hex);
    try {
      Files.write(blob, "tampered".getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
