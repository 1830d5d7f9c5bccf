package dev.mlops.core.registry;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import dev.mlops.api.registry.RegistryNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A registry directory:
 *
 * <pre>
 * registry.json                      marker with formatVersion
 * .lock                              the cross-process write lock
 * tmp/&lt;pid&gt;-*.tmp                    files being written (cleaned when their process is gone)
 * blobs/sha256/ab/ab12...ef          artifacts and attachments, named by their SHA-256
 * models/churn/versions/3.json       version manifests (a deleted version keeps a tombstone)
 * models/churn/aliases.json          alias to version
 * audit.jsonl                        the append-only audit log
 * </pre>
 *
 * <p>Every file is written to {@code tmp/}, forced to disk, then moved (or hard-linked, for
 * create-if-absent) into place, and its folder forced. Writers hold an in-JVM lock and a
 * {@link FileLock} on {@code .lock}; readers take no lock.
 */
final class FileStore implements Store {
  private static final ConcurrentHashMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern VERSION_FILE = Pattern.compile("([1-9][0-9]{0,9})\\.json");
  private static final long PID = ProcessHandle.current().pid();
  /** A file unchanged for this long is cached (racily-clean rule: a later write changes its mtime). */
  private static final long STABLE_MILLIS = 2_000;

  private final Path root;
  private final Path tmp;
  private final Path blobs;
  private final Path models;
  private final Path audit;
  private final Path lockFile;
  private final boolean durable;
  private final boolean posix;
  private final ReentrantLock jvmLock;
  private FileChannel lockChannel;
  private final Cache<Path, Cached> cache = CacheBuilder.newBuilder()
      .maximumWeight(64L << 20)
      .<Path, Cached>weigher((p, c) -> c.bytes.length + 200)
      .build();

  private record Cached(Object fileKey, long mtimeMicros, long size, byte[] bytes) {}

  private FileStore(Path root, boolean durable) {
    this.root = root;
    this.tmp = root.resolve("tmp");
    this.blobs = root.resolve("blobs").resolve("sha256");
    this.models = root.resolve("models");
    this.audit = root.resolve("audit.jsonl");
    this.lockFile = root.resolve(".lock");
    this.durable = durable;
    this.posix = root.getFileSystem().supportedFileAttributeViews().contains("posix");
    this.jvmLock = JVM_LOCKS.computeIfAbsent(root, p -> new ReentrantLock());
  }

  /**
   * Opens (creating if needed) a registry directory and recovers from interrupted writes: temp
   * files of processes that are gone are removed and a torn last audit line is cut off.
   */
  static FileStore open(Path dir, boolean durable) throws IOException {
    Objects.requireNonNull(dir, "dir");
    boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    if (!Files.isDirectory(dir)) {
      if (posix) {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } else {
        Files.createDirectories(dir);
      }
    }
    FileStore store = new FileStore(dir.toRealPath(), durable);
    try {
      store.locked(() -> {
        store.recover();
        return null;
      });
    } catch (UncheckedIOException e) {
      store.close();
      throw e.getCause();
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    return store;
  }

  Path root() {
    return root;
  }

  private void recover() {
    try {
      Path marker = root.resolve("registry.json");
      if (!Files.exists(marker)) {
        List<String> others = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(root)) {
          for (Path p : s) {
            String n = p.getFileName().toString();
            if (!n.equals(".lock") && !n.equals("tmp")) {
              others.add(n);
            }
          }
        }
        if (!others.isEmpty()) {
          throw new IllegalArgumentException(root + " is not a model registry (it has no registry.json) and is not "
              + "empty: it holds " + others.subList(0, Math.min(5, others.size()))
              + "; open an empty or new folder, or an existing registry");
        }
        mkdirs(tmp);
        write(marker, ("{\"formatVersion\":" + RegistryJson.FORMAT_VERSION + ",\"layout\":\"mlops-file-registry\"}\n")
            .getBytes(StandardCharsets.UTF_8), true);
      } else {
        RegistryJson.readMarker(Files.readAllBytes(marker), marker.toString());
      }
      mkdirs(tmp);
      mkdirs(blobs);
      mkdirs(models);
      cleanTemporaryFiles();
      repairAuditTail();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open model registry " + root, e);
    }
  }

  private void cleanTemporaryFiles() throws IOException {
    try (DirectoryStream<Path> s = Files.newDirectoryStream(tmp)) {
      for (Path p : s) {
        String n = p.getFileName().toString();
        int dash = n.indexOf('-');
        long pid = -1;
        if (dash > 0) {
          try {
            pid = Long.parseLong(n.substring(0, dash));
          } catch (NumberFormatException e) {
            pid = -1;
          }
        }
        boolean alive = pid == PID || (pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        if (!alive) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** A process killed while appending leaves a line without its newline: cut it off. */
  private void repairAuditTail() throws IOException {
    if (!Files.exists(audit)) {
      return;
    }
    try (FileChannel ch = FileChannel.open(audit, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long size = ch.size();
      if (size == 0) {
        return;
      }
      long pos = size;
      ByteBuffer one = ByteBuffer.allocate(8192);
      while (pos > 0) {
        int n = (int) Math.min(one.capacity(), pos);
        one.clear().limit(n);
        ch.read(one, pos - n);
        for (int i = n - 1; i >= 0; i--) {
          if (one.get(i) == '\n') {
            long keep = pos - n + i + 1;
            if (keep != size) {
              ch.truncate(keep);
              ch.force(true);
            }
            return;
          }
        }
        pos -= n;
      }
      ch.truncate(0);
      ch.force(true);
    }
  }

  // ------------------------------------------------------------------ locking

  @Override
  public <T> T locked(Supplier<T> action) {
    jvmLock.lock();
    try {
      if (jvmLock.getHoldCount() > 1) {
        return action.get(); // re-entered: this thread already holds the file lock
      }
      FileLock lock = acquire();
      try {
        return action.get();
      } finally {
        try {
          lock.release();
        } catch (IOException e) {
          // closing the channel later releases it too
        }
      }
    } finally {
      jvmLock.unlock();
    }
  }

  private FileLock acquire() {
    try {
      if (lockChannel == null || !lockChannel.isOpen()) {
        lockChannel = posix
            ? FileChannel.open(lockFile, EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), ownerOnly())
            : FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      }
      return lockChannel.lock();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + lockFile, e);
    }
  }

  // ------------------------------------------------------------------ blobs

  private Path blob(String hex) {
    if (!HEX.matcher(hex).matches()) {
      throw new IllegalArgumentException("not a SHA-256 hex digest: " + hex);
    }
    return blobs.resolve(hex.substring(0, 2)).resolve(hex);
  }

  @Override
  public boolean hasBlob(String hex) {
    return Files.exists(blob(hex));
  }

  @Override
  public void putBlob(String hex, byte[] bytes) {
    Path p = blob(hex);
    if (Files.exists(p)) {
      return;
    }
    try {
      write(p, bytes, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write artifact " + p, e);
    }
  }

  @Override
  public byte[] readBlob(String hex) {
    Path p = blob(hex);
    try {
      return Files.readAllBytes(p);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read artifact " + p, e);
    }
  }

  @Override
  public String blobLocation(String hex) {
    return blob(hex).toString();
  }

  @Override
  public List<String> blobs() {
    List<String> out = new ArrayList<>();
    try (DirectoryStream<Path> prefixes = Files.newDirectoryStream(blobs)) {
      for (Path prefix : prefixes) {
        if (!Files.isDirectory(prefix)) {
          continue;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(prefix)) {
          for (Path f : files) {
            String n = f.getFileName().toString();
            if (HEX.matcher(n).matches()) {
              out.add(n);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list artifacts in " + blobs, e);
    }
    out.sort(null);
    return out;
  }

  @Override
  public long blobSize(String hex) {
    try {
      return Files.size(blob(hex));
    } catch (NoSuchFileException e) {
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the size of " + blob(hex), e);
    }
  }

  @Override
  public void deleteBlob(String hex) {
    try {
      Files.deleteIfExists(blob(hex));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete artifact " + blob(hex), e);
    }
  }

  // ------------------------------------------------------------------ versions

  private Path model(String name) {
    return models.resolve(RegistryNames.checkModelName(name));
  }

  private Path version(String name, int version) {
    return model(name).resolve("versions").resolve(RegistryNames.checkVersion(version) + ".json");
  }

  @Override
  public List<String> modelNames() {
    List<String> out = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(models)) {
      for (Path p : s) {
        String n = p.getFileName().toString();
        try {
          RegistryNames.checkModelName(n);
        } catch (IllegalArgumentException e) {
          continue;
        }
        if (!versionNumbers(n).isEmpty()) {
          out.add(n);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list models in " + models, e);
    }
    out.sort(null);
    return out;
  }

  @Override
  public List<Integer> versionNumbers(String name) {
    Path dir = model(name).resolve("versions");
    List<Integer> out = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
      for (Path p : s) {
        var m = VERSION_FILE.matcher(p.getFileName().toString());
        if (m.matches()) {
          long v = Long.parseLong(m.group(1));
          if (v <= Integer.MAX_VALUE) {
            out.add((int) v);
          }
        }
      }
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list versions in " + dir, e);
    }
    out.sort(null);
    return out;
  }

  @Override
  public boolean versionExists(String name, int version) {
    return Files.exists(version(name, version));
  }

  @Override
  public byte[] readVersion(String name, int version) {
    return readCached(version(name, version));
  }

  @Override
  public String versionLocation(String name, int version) {
    return version(name, version).toString();
  }

  @Override
  public boolean createVersion(String name, int version, byte[] json) {
    Path p = version(name, version);
    try {
      return write(p, json, false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write manifest " + p, e);
    }
  }

  @Override
  public void replaceVersion(String name, int version, byte[] json) {
    Path p = version(name, version);
    try {
      write(p, json, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write manifest " + p, e);
    }
  }

  @Override
  public byte[] readAliases(String name) {
    return readCached(model(name).resolve("aliases.json"));
  }

  @Override
  public String aliasesLocation(String name) {
    return model(name).resolve("aliases.json").toString();
  }

  @Override
  public void writeAliases(String name, byte[] json) {
    Path p = model(name).resolve("aliases.json");
    try {
      write(p, json, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write aliases " + p, e);
    }
  }

  // ------------------------------------------------------------------ audit

  @Override
  public void appendAudit(byte[] line) {
    try (FileChannel ch = posix
        ? FileChannel.open(audit, EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.APPEND), ownerOnly())
        : FileChannel.open(audit, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      ByteBuffer b = ByteBuffer.wrap(line);
      while (b.hasRemaining()) {
        ch.write(b);
      }
      if (durable) {
        ch.force(false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to audit log " + audit, e);
    }
  }

  @Override
  public List<String> auditLines() {
    String text;
    try {
      text = Files.readString(audit, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read audit log " + audit, e);
    }
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      out.add(text.substring(start, nl));
      start = nl + 1;
    }
    return out;
  }

  @Override
  public String auditLocation() {
    return audit.toString();
  }

  // ------------------------------------------------------------------ files

  private byte[] readCached(Path p) {
    BasicFileAttributes before;
    try {
      before = Files.readAttributes(p, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      cache.invalidate(p);
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + p, e);
    }
    long mtime = before.lastModifiedTime().to(TimeUnit.MICROSECONDS);
    Cached c = cache.getIfPresent(p);
    if (c != null && c.mtimeMicros == mtime && c.size == before.size() && Objects.equals(c.fileKey, before.fileKey())) {
      return c.bytes;
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(p);
    } catch (NoSuchFileException e) {
      cache.invalidate(p);
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + p, e);
    }
    boolean stable = System.currentTimeMillis() - before.lastModifiedTime().toMillis() > STABLE_MILLIS;
    if (stable && bytes.length == before.size() && before.fileKey() != null) {
      cache.put(p, new Cached(before.fileKey(), mtime, before.size(), bytes));
    } else {
      cache.invalidate(p);
    }
    return bytes;
  }

  /**
   * Writes a file atomically: a temp file, forced, then moved over {@code target} (replace) or
   * hard-linked to it (create if absent). Returns false if not replacing and the target exists.
   */
  private boolean write(Path target, byte[] bytes, boolean replace) throws IOException {
    mkdirs(target.getParent());
    Path t = posix ? Files.createTempFile(tmp, PID + "-", ".tmp", ownerOnly())
        : Files.createTempFile(tmp, PID + "-", ".tmp");
    try {
      try (FileChannel ch = FileChannel.open(t, StandardOpenOption.WRITE)) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
          ch.write(b);
        }
        if (durable) {
          ch.force(true);
        }
      }
      if (replace) {
        try {
          Files.move(t, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(t, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } else {
        try {
          Files.createLink(target, t);
        } catch (FileAlreadyExistsException e) {
          return false;
        } catch (UnsupportedOperationException e) {
          // no hard links: the write lock is held, so check-then-move cannot race a writer
          if (Files.exists(target)) {
            return false;
          }
          Files.move(t, target, StandardCopyOption.ATOMIC_MOVE);
        }
      }
      cache.invalidate(target);
      if (durable) {
        forceDirectory(target.getParent());
      }
      return true;
    } finally {
      Files.deleteIfExists(t);
    }
  }

  private static void forceDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // some platforms cannot open or force a folder; the file itself was forced
    }
  }

  private void mkdirs(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    if (posix) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } else {
      Files.createDirectories(dir);
    }
  }

  private static FileAttribute<?> ownerOnly() {
    return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
  }

  @Override
  public void close() {
    jvmLock.lock();
    try {
      if (lockChannel != null) {
        lockChannel.close();
      }
    } catch (IOException e) {
      // nothing to do: the lock is released with the channel
    } finally {
      jvmLock.unlock();
    }
  }
}
