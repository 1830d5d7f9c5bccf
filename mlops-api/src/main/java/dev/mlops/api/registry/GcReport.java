package dev.mlops.api.registry;

import java.util.List;
import java.util.Objects;

/**
 * What a garbage collection of unreferenced artifacts found: removed by
 * {@link ModelRegistry#gc()}, only reported by {@link ModelRegistry#gcPreview()}.
 *
 * @param preview whether this came from {@link ModelRegistry#gcPreview()}, so nothing was removed
 * @param unreferenced the digests of blobs no live version references, sorted
 * @param bytes their total size
 */
public record GcReport(boolean preview, List<String> unreferenced, long bytes) {
  /**
   * Validates and copies the components.
   *
   * @param preview whether nothing was removed
   * @param unreferenced the digests
   * @param bytes the total size
   * @throws IllegalArgumentException if the size is negative
   */
  public GcReport {
    unreferenced = List.copyOf(Objects.requireNonNull(unreferenced, "unreferenced"));
    if (bytes < 0) {
      throw new IllegalArgumentException("bytes must be >= 0, was " + bytes);
    }
  }
}
