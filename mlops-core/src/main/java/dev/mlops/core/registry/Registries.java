package dev.mlops.core.registry;

import dev.mlops.api.registry.ArtifactCodec;
import dev.mlops.api.registry.ModelRegistry;
import dev.mlops.api.registry.RegistryOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Opens model registries.
 *
 * <pre>{@code
 * try (ModelRegistry registry = Registries.open(Path.of("models"))) {
 *   ...
 * }
 * ModelRegistry forTests = Registries.inMemory();
 * }</pre>
 *
 * <p>The file registry is one directory, with no server:
 *
 * <ul>
 *   <li>Artifacts and attachments are stored once under their SHA-256
 *       ({@code blobs/sha256/ab/ab12...}) and never rewritten; every load hashes the bytes before
 *       handing them to a codec or the caller.
 *   <li>Every file is written to {@code tmp/}, forced to disk (see
 *       {@link RegistryOptions.Durability}), then atomically moved into place; the manifest
 *       ({@code models/<name>/versions/<n>.json}) is written after the artifact and its attachments
 *       and before the audit entry, so a crash never leaves a visible version without its bytes nor
 *       an audit entry without its version (blobs of a writer that died before its manifest are
 *       unreferenced, and {@code gc()} removes them). Each writer holds a lock on its temp file, and
 *       opening removes only temp files whose lock is free, so writers in other containers (other
 *       PID namespaces) sharing the volume are never disturbed. When the write lock is free, opening
 *       also appends the {@code REGISTERED} and alias entries that a writer killed between its file
 *       and its audit line never wrote (actor {@code mlops-registry-recovery}); a torn last audit
 *       line is cut before the next append.
 *   <li>Writers hold an in-JVM lock and a file lock on {@code .lock}, waiting at most
 *       {@link RegistryOptions#lockTimeout()} (then an {@link IllegalStateException} names the lock
 *       file), and create manifests with a create-if-absent hard link, so threads and processes
 *       sharing the directory never lose or reuse a version number. Opening and reading take no
 *       lock and never wait.
 *   <li>A directory that cannot be written (a read-only mount) opens read-only, unless
 *       {@link RegistryOptions.Access#READ_WRITE} is asked for; every change is then refused with an
 *       {@link IllegalStateException} saying why.
 *   <li>No symbolic link inside the directory is followed, and no file is read past its recorded
 *       size: a linked or oversized file is an error naming it.
 *   <li>A manifest that cannot be read is reported when that version is read, and left out of
 *       listings (logged); {@code gc()} refuses to run while one exists.
 *   <li>Files and folders are created readable by their owner only where the file system has
 *       POSIX permissions. Nothing is ever read with Java deserialization.
 * </ul>
 */
public final class Registries {
  /**
   * The type id for raw bytes registered without a codec.
   */
  public static final String BYTES = "bytes";

  private Registries() {}

  /**
   * Opens (creating if needed) a file registry with the {@linkplain RegistryOptions#defaults()
   * default options}.
   *
   * @param dir the registry's directory: new, empty, or an existing registry
   * @return the registry
   * @throws UncheckedIOException if the directory cannot be created or read
   * @throws IllegalArgumentException if the directory is neither empty nor a registry
   */
  public static ModelRegistry open(Path dir) {
    return open(dir, RegistryOptions.defaults());
  }

  /**
   * Opens (creating if needed) a file registry. Several registries, in this or other processes,
   * may open the same directory at once.
   *
   * @param dir the registry's directory
   * @param options the clock, actor, promotion policy, durability, lock timeout and access
   * @return the registry
   * @throws UncheckedIOException if the directory cannot be created or read, or cannot be written
   *     when {@link RegistryOptions.Access#READ_WRITE} is asked for
   * @throws IllegalArgumentException if the directory is neither empty nor a registry
   */
  public static ModelRegistry open(Path dir, RegistryOptions options) {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(options, "options");
    boolean durable = options.durability() == RegistryOptions.Durability.SURVIVES_MACHINE_CRASH;
    try {
      FileStore store = FileStore.open(dir, durable, options.access(), options.lockTimeout());
      try {
        return new FileModelRegistry(store, options);
      } catch (RuntimeException e) {
        store.close();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open model registry " + dir + ": " + e.getMessage(), e);
    }
  }

  /** @return a new, empty in-memory registry with the default options */
  public static ModelRegistry inMemory() {
    return inMemory(RegistryOptions.defaults());
  }

  /**
   * Returns a new, empty in-memory registry, with the same semantics as the file registry (records
   * are kept as the same JSON bytes), for unit tests.
   *
   * @param options the clock, actor and promotion policy
   * @return the registry, an {@link InMemoryModelRegistry}
   */
  public static ModelRegistry inMemory(RegistryOptions options) {
    return new InMemoryModelRegistry(Objects.requireNonNull(options, "options"));
  }

  /** @return a codec storing byte arrays as they are, under type id {@value #BYTES} */
  public static ArtifactCodec<byte[]> bytesCodec() {
    return BytesCodec.INSTANCE;
  }
}
