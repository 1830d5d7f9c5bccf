package dev.mlops.api.registry;

import java.util.List;
import java.util.Objects;

/**
 * What a garbage collection of unreferenced artifacts found, and removed unless it was a dry run.
 *
 * @param dryRun whether nothing was removed
 * @param unreferenced the digests of blobs no live version references, sorted
 * @param bytes their total size
 */
public record GcReport(boolean dryRun, List<String> unreferenced, long bytes) {
  /**
   * Validates and copies the components.
   *
   * @param dryRun dry run
   * @param unreferenced the digests
   * @param bytes the total size
   */
  public GcReport {
    unreferenced = List.copyOf(Objects.requireNonNull(unreferenced, "unreferenced"));
    if (bytes < 0) {
      throw new IllegalArgumentException("bytes must be >= 0, was " + bytes);
    }
  }
}
