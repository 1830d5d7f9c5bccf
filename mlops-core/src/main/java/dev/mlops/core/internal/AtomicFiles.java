package dev.mlops.core.internal;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Not public API. Writes a file so that a reader sees either the old content or the whole new
 * content, never half of it: a temporary file in the same folder, forced to disk, then moved over
 * the target atomically. A failure leaves any previous file as it was and no temporary file.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /**
   * Replaces a file's content atomically.
   *
   * @param path the file; its folder must exist
   * @param bytes the whole new content
   * @throws IOException if the file cannot be written; the previous content is then unchanged
   */
  public static void write(Path path, byte[] bytes) throws IOException {
    requireNonNull(path, "path");
    requireNonNull(bytes, "bytes");
    Path dir = path.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, "." + path.getFileName(), ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
