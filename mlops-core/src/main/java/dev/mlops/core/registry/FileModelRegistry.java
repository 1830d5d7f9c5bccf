package dev.mlops.core.registry;

import dev.mlops.api.registry.RegistryOptions;
import java.nio.file.Path;

/** The embedded registry: one directory, no server, opened with {@link Registries#open(Path)}. */
final class FileModelRegistry extends StoreRegistry {
  private final Path root;

  FileModelRegistry(FileStore store, RegistryOptions options) {
    super(store, options);
    this.root = store.root();
  }

  /** @return the registry's directory (its real path) */
  Path root() {
    return root;
  }

  @Override
  public String toString() {
    return "FileModelRegistry[" + root + "]";
  }
}
