package dev.mlops.core.registry;

import java.util.List;
import java.util.function.Supplier;

/**
 * Where a registry keeps its records. Every write is atomic: a reader sees a record whole or not
 * at all. I/O failures are {@link java.io.UncheckedIOException}s.
 */
interface Store extends AutoCloseable {

  /** Runs an action holding the store's exclusive write lock (across threads and, for files, processes). */
  <T> T locked(Supplier<T> action);

  /**
   * Runs an action holding the write lock if the lock is free now (or this thread holds it), and
   * does nothing otherwise: recovery on open must never wait for another process's writer.
   *
   * @return whether the action ran
   */
  boolean lockedIfFree(Runnable action);

  /** Whether changes are allowed: false for a store opened read-only, whose {@link #locked} throws. */
  boolean writable();

  boolean hasBlob(String hex);

  /** Stores bytes under their digest; a no-op when present. */
  void putBlob(String hex, byte[] bytes);

  /**
   * The stored bytes as found (unverified), or null; at most {@code limit + 1} bytes are read, so a
   * file longer than its recorded size shows as too long without being read whole.
   */
  byte[] readBlob(String hex, long limit);

  String blobLocation(String hex);

  List<String> blobs();

  long blobSize(String hex);

  void deleteBlob(String hex);

  /** Names of models with at least one assigned version number. */
  List<String> modelNames();

  /** Every assigned version number, deleted ones included (their tombstones stay). */
  List<Integer> versionNumbers(String name);

  boolean versionExists(String name, int version);

  /** The manifest bytes, or null. The same unchanged record may be returned as the same array. */
  byte[] readVersion(String name, int version);

  String versionLocation(String name, int version);

  /** Creates a manifest only if none exists; false if one does. */
  boolean createVersion(String name, int version, byte[] json);

  void replaceVersion(String name, int version, byte[] json);

  /** The alias file, or null. */
  byte[] readAliases(String name);

  String aliasesLocation(String name);

  void writeAliases(String name, byte[] json);

  void appendAudit(byte[] line);

  /** Every complete line of the audit log, oldest first. */
  List<String> auditLines();

  String auditLocation();

  @Override
  void close();
}
