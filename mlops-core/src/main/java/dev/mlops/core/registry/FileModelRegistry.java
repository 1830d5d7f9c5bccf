package dev.mlops.core.registry;

import java.nio.file.Path;

/**
 * The embedded registry: one directory, no server, opened with {@link Registries#open(Path)}.
 *
 * <pre>{@code
 * try (ModelRegistry registry = Registries.open(Path.of("models"))) {
 *   ModelVersion v = registry.register("churn", "bytes", artifact, Registration.none());
 * }
 * }</pre>
 *
 * <ul>
 *   <li>Artifacts and attachments are stored once under their SHA-256
 *       ({@code blobs/sha256/ab/ab12...}) and never rewritten; every load hashes the bytes before
 *       handing them to a codec or the caller.
 *   <li>Every file is written to {@code tmp/}, forced to disk, then atomically moved into place;
 *       the manifest ({@code models/<name>/versions/<n>.json}) is written after the artifact and
 *       its attachments and before the audit entry, so a crash never leaves a visible version
 *       without its bytes nor an audit entry without its version (blobs of a writer that died
 *       before its manifest are unreferenced, and {@code gc()} removes them). Opening cleans temp files of dead processes, cuts a
 *       torn last audit line, and appends the {@code REGISTERED} and alias entries that a writer
 *       killed between its file and its audit line never wrote (actor
 *       {@code mlops-registry-recovery}).
 *   <li>Writers hold an in-JVM lock and a file lock on {@code .lock}, and create manifests with a
 *       create-if-absent hard link, so threads and processes sharing the directory never lose or
 *       reuse a version number. Readers take no lock.
 *   <li>Files and folders are created readable by their owner only where the file system has
 *       POSIX permissions. Nothing is ever read with Java deserialization.
 * </ul>
 */
public final class FileModelRegistry extends StoreRegistry {
  private final Path root;

  FileModelRegistry(FileStore store, RegistryOptions options) {
    super(store, options);
    this.root = store.root();
  }

  /** @return the registry's directory (its real path) */
  public Path root() {
    return root;
  }

  @Override
  public String toString() {
    return "FileModelRegistry[" + root + "]";
  }
}
