package dev.mlops.core.registry;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import dev.mlops.api.registry.RegistryNames;
import dev.mlops.api.registry.RegistryOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A registry directory:
 *
 * <pre>
 * registry.json                      marker with formatVersion
 * .lock                              the cross-process write lock
 * tmp/j&lt;token&gt;-&lt;n&gt;.tmp              files being written, each locked by its writer while it lives
 * blobs/sha256/ab/ab12...ef          artifacts and attachments, named by their SHA-256
 * models/churn/versions/3.json       version manifests (a deleted version keeps a tombstone)
 * models/churn/aliases.json          alias to version
 * audit.jsonl                        the append-only audit log
 * </pre>
 *
 * <p>Every file is written to {@code tmp/}, forced to disk, then moved (or hard-linked, for
 * create-if-absent) into place, and its folder forced. A writer holds a {@link FileLock} on its
 * temp file until it is moved: opening cleans only temp files whose lock it can take, so liveness
 * never depends on process ids (which differ between containers sharing a volume). Writers hold an
 * in-JVM lock and a {@link FileLock} on {@code .lock}, waiting at most the lock timeout; readers
 * take no lock. No symbolic link inside the registry is ever followed, and no file is read past its
 * recorded size or {@link #MAX_RECORD_BYTES}.
 */
final class FileStore implements Store {
  private static final ConcurrentHashMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern VERSION_FILE = Pattern.compile("([1-9][0-9]{0,9})\\.json");
  /** Temp files of writers before issue 13 were named by process id and never locked. */
  private static final Pattern LEGACY_TEMP = Pattern.compile("[0-9]+-.*\\.tmp");
  /** A legacy temp file is left alone this long, since its writer holds no lock to tell it is alive. */
  static final Duration LEGACY_TEMP_AGE = Duration.ofHours(1);
  /**
   * Names this JVM's temp files. The cleaner never opens them: on POSIX, closing any channel of a
   * file drops every lock this process holds on it, so it would unlock a live writer of this JVM.
   */
  private static final String JVM_TOKEN = "j" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
  private static final AtomicLong TEMP_COUNTER = new AtomicLong();
  private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;
  /** The largest manifest, alias file or marker read (a schema and gate result included). */
  static final long MAX_RECORD_BYTES = 64L << 20;
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
  private final Duration lockTimeout;
  /** Why this store cannot write, or null if it can. */
  private final String readOnly;
  private final ReentrantLock jvmLock;
  private FileChannel lockChannel;
  private final Cache<Path, Cached> cache = CacheBuilder.newBuilder()
      .maximumWeight(64L << 20)
      .<Path, Cached>weigher((p, c) -> c.bytes.length + 200)
      .build();

  private record Cached(Object fileKey, long mtimeMicros, long size, byte[] bytes) {}

  private FileStore(Path root, boolean durable, Duration lockTimeout, String readOnly, FileChannel lockChannel) {
    this.root = root;
    this.tmp = root.resolve("tmp");
    this.blobs = root.resolve("blobs").resolve("sha256");
    this.models = root.resolve("models");
    this.audit = root.resolve("audit.jsonl");
    this.lockFile = root.resolve(".lock");
    this.durable = durable;
    this.posix = root.getFileSystem().supportedFileAttributeViews().contains("posix");
    this.lockTimeout = lockTimeout;
    this.readOnly = readOnly;
    this.lockChannel = lockChannel;
    this.jvmLock = JVM_LOCKS.computeIfAbsent(root, p -> new ReentrantLock());
  }

  /**
   * Opens (creating if needed and allowed) a registry directory. Opening never waits for a lock:
   * it removes temp files whose writers are gone (each live writer holds a lock on its own), and
   * falls back to read-only when the directory cannot be written and the options allow it.
   */
  static FileStore open(Path dir, boolean durable, RegistryOptions.Access access, Duration lockTimeout)
      throws IOException {
    Objects.requireNonNull(dir, "dir");
    boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    if (!Files.isDirectory(dir)) {
      if (access == RegistryOptions.Access.READ_ONLY) {
        throw new NoSuchFileException(dir.toString(), null, "no registry here, and it is opened read-only");
      }
      if (posix) {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } else {
        Files.createDirectories(dir);
      }
    }
    Path root = dir.toRealPath();
    Path marker = root.resolve("registry.json");
    boolean exists = Files.exists(marker, NOFOLLOW);
    if (!exists) {
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
    }
    String readOnly = null;
    FileChannel lockChannel = null;
    if (access == RegistryOptions.Access.READ_ONLY) {
      readOnly = "it was opened with RegistryOptions.Access.READ_ONLY";
    } else {
      try {
        lockChannel = openLockFile(root.resolve(".lock"), posix);
      } catch (AccessDeniedException | ReadOnlyProbe e) {
        readOnly = "its folder is not writable (" + e.getMessage() + ")";
      } catch (FileSystemException e) {
        if (!isReadOnlyFileSystem(e)) {
          throw e;
        }
        readOnly = "its folder is on a read-only file system (" + e.getMessage() + ")";
      }
      if (readOnly != null && access == RegistryOptions.Access.READ_WRITE) {
        throw new AccessDeniedException(root.toString(), null, "cannot open the registry for writing: " + readOnly);
      }
    }
    if (readOnly != null && !exists) {
      throw new NoSuchFileException(root.toString(), null,
          "not a model registry (no registry.json), and one cannot be created here: " + readOnly);
    }
    FileStore store = new FileStore(root, durable, lockTimeout, readOnly, lockChannel);
    try {
      store.prepare(marker, exists);
    } catch (UncheckedIOException e) {
      store.close();
      throw e.getCause();
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    return store;
  }

  /** Thrown when probing shows a folder cannot be written without an {@link AccessDeniedException}. */
  private static final class ReadOnlyProbe extends IOException {
    private static final long serialVersionUID = 1L;

    ReadOnlyProbe(String message) {
      super(message);
    }
  }

  private static FileChannel openLockFile(Path lockFile, boolean posix) throws IOException {
    BasicFileAttributes a = attributes(lockFile);
    if (a != null && a.isSymbolicLink()) {
      throw symlink(lockFile);
    }
    if (a == null && !Files.isWritable(lockFile.getParent())) {
      throw new ReadOnlyProbe(lockFile.getParent() + ": cannot create " + lockFile.getFileName());
    }
    Set<OpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, NOFOLLOW);
    return posix ? FileChannel.open(lockFile, options, ownerOnly()) : FileChannel.open(lockFile, options);
  }

  private static boolean isReadOnlyFileSystem(FileSystemException e) {
    String reason = e.getReason();
    return reason != null && reason.toLowerCase(Locale.ROOT).contains("read-only");
  }

  Path root() {
    return root;
  }

  @Override
  public boolean writable() {
    return readOnly == null;
  }

  private void prepare(Path marker, boolean exists) {
    try {
      if (readOnly == null) {
        ensureDirectory(tmp);
        if (!exists) {
          write(marker, ("{\"formatVersion\":" + RegistryJson.FORMAT_VERSION
              + ",\"layout\":\"mlops-file-registry\"}\n").getBytes(StandardCharsets.UTF_8), false);
        }
      }
      RegistryJson.readMarker(readRecord(marker), marker.toString());
      if (readOnly == null) {
        ensureDirectory(blobs);
        ensureDirectory(models);
        cleanTemporaryFiles();
      }
    } catch (IOException e) {
      throw io("cannot open model registry " + root, e);
    }
  }

  /**
   * Removes temp files of writers that are gone: a live writer holds a lock on its temp file, so a
   * file whose lock this process can take has no writer. Temp files of this JVM are never opened.
   */
  private void cleanTemporaryFiles() throws IOException {
    try (DirectoryStream<Path> s = Files.newDirectoryStream(tmp)) {
      for (Path p : s) {
        String n = p.getFileName().toString();
        if (n.startsWith(JVM_TOKEN + "-")) {
          continue;
        }
        BasicFileAttributes a = attributes(p);
        if (a == null) {
          continue;
        }
        if (a.isSymbolicLink()) {
          Files.deleteIfExists(p); // removes the link, never its target
          continue;
        }
        if (!a.isRegularFile()) {
          continue;
        }
        boolean legacy = LEGACY_TEMP.matcher(n).matches();
        if (legacy && System.currentTimeMillis() - a.lastModifiedTime().toMillis() < LEGACY_TEMP_AGE.toMillis()) {
          continue;
        }
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE, NOFOLLOW)) {
          FileLock lock = ch.tryLock();
          if (lock != null) {
            // deleted while holding its lock: a writer that locks it later sees it gone and retries
            Files.deleteIfExists(p);
          }
        } catch (NoSuchFileException | OverlappingFileLockException e) {
          // gone already, or being written in this JVM
        }
      }
    } catch (NoSuchFileException e) {
      // no tmp folder: nothing to clean
    }
  }

  // ------------------------------------------------------------------ locking

  private IllegalStateException readOnlyError() {
    return new IllegalStateException("the model registry " + root + " is open read-only, so it cannot be changed: "
        + readOnly);
  }

  @Override
  public <T> T locked(Supplier<T> action) {
    if (readOnly != null) {
      throw readOnlyError();
    }
    long deadline = System.nanoTime() + lockTimeout.toNanos();
    try {
      if (!jvmLock.tryLock(lockTimeout.toNanos(), TimeUnit.NANOSECONDS)) {
        throw timedOut("another thread of this process holds it");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the write lock " + lockFile, e);
    }
    try {
      if (jvmLock.getHoldCount() > 1) {
        return action.get(); // re-entered: this thread already holds the file lock
      }
      FileLock lock = acquire(deadline);
      try {
        return action.get();
      } finally {
        release(lock);
      }
    } finally {
      jvmLock.unlock();
    }
  }

  @Override
  public boolean lockedIfFree(Runnable action) {
    if (readOnly != null || !jvmLock.tryLock()) {
      return false;
    }
    try {
      if (jvmLock.getHoldCount() > 1) {
        action.run();
        return true;
      }
      FileLock lock = channel().tryLock();
      if (lock == null) {
        return false;
      }
      try {
        action.run();
        return true;
      } finally {
        release(lock);
      }
    } catch (IOException e) {
      throw io("cannot lock " + lockFile, e);
    } finally {
      jvmLock.unlock();
    }
  }

  private static void release(FileLock lock) {
    try {
      lock.release();
    } catch (IOException e) {
      // closing the channel later releases it too
    }
  }

  private IllegalStateException timedOut(String holder) {
    return new IllegalStateException("timed out after " + lockTimeout + " waiting for the write lock " + lockFile
        + " of the model registry (" + holder + "); raise RegistryOptions.lockTimeout, or find the process that "
        + "holds it (for example with: fuser " + lockFile + ")");
  }

  private FileChannel channel() throws IOException {
    if (lockChannel == null || !lockChannel.isOpen()) {
      lockChannel = openLockFile(lockFile, posix);
    }
    return lockChannel;
  }

  /** Takes the file lock, polling until the deadline: another process may hold it. */
  private FileLock acquire(long deadline) {
    try {
      long sleep = 1;
      while (true) {
        FileLock lock = channel().tryLock();
        if (lock != null) {
          return lock;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw timedOut("another process holds it");
        }
        Thread.sleep(Math.min(sleep, Math.max(1, TimeUnit.NANOSECONDS.toMillis(left))));
        sleep = Math.min(sleep * 2, 50);
      }
    } catch (IOException e) {
      throw io("cannot lock " + lockFile, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the write lock " + lockFile, e);
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
    return Files.exists(blob(hex), NOFOLLOW);
  }

  @Override
  public void putBlob(String hex, byte[] bytes) {
    if (readOnly != null) {
      throw readOnlyError();
    }
    Path p = blob(hex);
    if (Files.exists(p, NOFOLLOW)) {
      return;
    }
    try {
      write(p, bytes, true);
    } catch (IOException e) {
      throw io("cannot write artifact " + p, e);
    }
  }

  @Override
  public byte[] readBlob(String hex, long limit) {
    Path p = blob(hex);
    try {
      return readRegular(p, limit);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw io("cannot read artifact " + p, e);
    }
  }

  @Override
  public String blobLocation(String hex) {
    return blob(hex).toString();
  }

  @Override
  public List<String> blobs() {
    List<String> out = new ArrayList<>();
    try {
      checkDirectories(blobs);
      try (DirectoryStream<Path> prefixes = Files.newDirectoryStream(blobs)) {
        for (Path prefix : prefixes) {
          BasicFileAttributes a = attributes(prefix);
          if (a == null) {
            continue;
          }
          if (a.isSymbolicLink()) {
            throw symlink(prefix);
          }
          if (!a.isDirectory()) {
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
      }
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw io("cannot list artifacts in " + blobs, e);
    }
    out.sort(null);
    return out;
  }

  @Override
  public long blobSize(String hex) {
    BasicFileAttributes a;
    try {
      a = attributes(blob(hex));
    } catch (IOException e) {
      throw io("cannot read the size of " + blob(hex), e);
    }
    return a == null || !a.isRegularFile() ? 0 : a.size();
  }

  @Override
  public void deleteBlob(String hex) {
    if (readOnly != null) {
      throw readOnlyError();
    }
    Path p = blob(hex);
    try {
      checkDirectories(p.getParent());
      Files.deleteIfExists(p); // a link is removed, never its target
    } catch (NoSuchFileException e) {
      // already gone
    } catch (IOException e) {
      throw io("cannot delete artifact " + p, e);
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
    try {
      checkDirectories(models);
      try (DirectoryStream<Path> s = Files.newDirectoryStream(models)) {
        for (Path p : s) {
          String n = p.getFileName().toString();
          try {
            RegistryNames.checkModelName(n);
          } catch (IllegalArgumentException e) {
            continue;
          }
          BasicFileAttributes a = attributes(p);
          // a linked model folder is listed, so that reading it fails loudly rather than hiding it
          if (a != null && (a.isSymbolicLink() || !versionNumbers(n).isEmpty())) {
            out.add(n);
          }
        }
      }
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw io("cannot list models in " + models, e);
    }
    out.sort(null);
    return out;
  }

  @Override
  public List<Integer> versionNumbers(String name) {
    Path dir = model(name).resolve("versions");
    List<Integer> out = new ArrayList<>();
    try {
      checkDirectories(dir);
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
      }
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw io("cannot list versions in " + dir, e);
    }
    out.sort(null);
    return out;
  }

  @Override
  public boolean versionExists(String name, int version) {
    return Files.exists(version(name, version), NOFOLLOW);
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
      throw io("cannot write manifest " + p, e);
    }
  }

  @Override
  public void replaceVersion(String name, int version, byte[] json) {
    Path p = version(name, version);
    try {
      write(p, json, true);
    } catch (IOException e) {
      throw io("cannot write manifest " + p, e);
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
      throw io("cannot write aliases " + p, e);
    }
  }

  // ------------------------------------------------------------------ audit

  /**
   * Appends a line under the write lock. A writer killed while appending leaves a line without its
   * newline: it is cut off first, so the new line never joins it.
   */
  @Override
  public void appendAudit(byte[] line) {
    if (readOnly != null) {
      throw readOnlyError();
    }
    Set<OpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE,
        NOFOLLOW);
    try {
      refuseLink(audit);
      try (FileChannel ch = posix ? FileChannel.open(audit, options, ownerOnly()) : FileChannel.open(audit, options)) {
        long end = cutTornLine(ch);
        ByteBuffer b = ByteBuffer.wrap(line);
        while (b.hasRemaining()) {
          end += ch.write(b, end);
        }
        if (durable) {
          ch.force(false);
        }
      }
    } catch (IOException e) {
      throw io("cannot append to audit log " + audit, e);
    }
  }

  /** Truncates the file after its last newline, if it does not end with one; returns the size. */
  private static long cutTornLine(FileChannel ch) throws IOException {
    long size = ch.size();
    long pos = size;
    ByteBuffer chunk = ByteBuffer.allocate(8192);
    while (pos > 0) {
      int n = (int) Math.min(chunk.capacity(), pos);
      chunk.clear().limit(n);
      while (chunk.hasRemaining() && ch.read(chunk, pos - n + chunk.position()) >= 0) {
        // read fully
      }
      for (int i = n - 1; i >= 0; i--) {
        if (chunk.get(i) == '\n') {
          long keep = pos - n + i + 1;
          if (keep != size) {
            ch.truncate(keep);
          }
          return keep;
        }
      }
      pos -= n;
    }
    if (size > 0) {
      ch.truncate(0);
    }
    return 0;
  }

  @Override
  public List<String> auditLines() {
    String text;
    try {
      text = new String(readRegular(audit, Integer.MAX_VALUE - 16L), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw io("cannot read audit log " + audit, e);
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

  /** An I/O failure, with its cause's message (the file and what is wrong with it) in its own. */
  static UncheckedIOException io(String what, IOException e) {
    return new UncheckedIOException(what + ": " + e.getMessage(), e);
  }

  /** The attributes of a path itself (a link is not followed), or null if there is nothing. */
  private static BasicFileAttributes attributes(Path p) throws IOException {
    try {
      return Files.readAttributes(p, BasicFileAttributes.class, NOFOLLOW);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  private static FileSystemException symlink(Path p) {
    return new FileSystemException(p.toString(), null,
        "is a symbolic link; a model registry never follows links inside its folder");
  }

  private static void refuseLink(Path p) throws IOException {
    BasicFileAttributes a = attributes(p);
    if (a != null && a.isSymbolicLink()) {
      throw symlink(p);
    }
  }

  /**
   * Checks that every folder from the root down to {@code dir} is a real folder, not a link.
   *
   * @throws NoSuchFileException if one is missing
   */
  private void checkDirectories(Path dir) throws IOException {
    Path relative = root.relativize(dir);
    Path at = root;
    for (Path part : relative) {
      at = at.resolve(part);
      BasicFileAttributes a = attributes(at);
      if (a == null) {
        throw new NoSuchFileException(at.toString());
      }
      if (a.isSymbolicLink()) {
        throw symlink(at);
      }
      if (!a.isDirectory()) {
        throw new FileSystemException(at.toString(), null, "is not a folder");
      }
    }
  }

  /** Creates the folders from the root down to {@code dir} one by one, refusing links on the way. */
  private void ensureDirectory(Path dir) throws IOException {
    Path relative = root.relativize(dir);
    Path at = root;
    for (Path part : relative) {
      at = at.resolve(part);
      BasicFileAttributes a = attributes(at);
      if (a == null) {
        try {
          if (posix) {
            Files.createDirectory(at, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
          } else {
            Files.createDirectory(at);
          }
        } catch (FileAlreadyExistsException e) {
          // made meanwhile by another writer: checked below
        }
        a = attributes(at);
      }
      if (a == null) {
        throw new NoSuchFileException(at.toString());
      }
      if (a.isSymbolicLink()) {
        throw symlink(at);
      }
      if (!a.isDirectory()) {
        throw new FileSystemException(at.toString(), null, "is not a folder");
      }
    }
  }

  /**
   * Reads a regular file inside the registry, never through a link, and at most {@code limit + 1}
   * bytes (so a longer file shows as longer without being read whole).
   */
  private byte[] readRegular(Path p, long limit) throws IOException {
    checkDirectories(p.getParent());
    BasicFileAttributes a = attributes(p);
    if (a == null) {
      throw new NoSuchFileException(p.toString());
    }
    if (a.isSymbolicLink()) {
      throw symlink(p);
    }
    if (!a.isRegularFile()) {
      throw new FileSystemException(p.toString(), null, "is not a regular file");
    }
    try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ, NOFOLLOW)) {
      long size = ch.size();
      long cap = Math.min(limit + 1, Integer.MAX_VALUE - 16L);
      int n = (int) Math.min(size, cap);
      ByteBuffer b = ByteBuffer.allocate(n);
      while (b.hasRemaining()) {
        if (ch.read(b) < 0) {
          break; // shrank meanwhile: the caller checks what it got
        }
      }
      byte[] out = b.array();
      return b.position() == n ? out : Arrays.copyOf(out, b.position());
    }
  }

  /** Reads a manifest, alias file or marker: at most {@link #MAX_RECORD_BYTES}. */
  private byte[] readRecord(Path p) throws IOException {
    byte[] bytes = readRegular(p, MAX_RECORD_BYTES);
    if (bytes.length > MAX_RECORD_BYTES) {
      throw new FileSystemException(p.toString(), null, "is more than the " + MAX_RECORD_BYTES
          + " bytes a registry record may have");
    }
    return bytes;
  }

  private byte[] readCached(Path p) {
    BasicFileAttributes before;
    try {
      before = attributes(p);
      if (before == null) {
        cache.invalidate(p);
        return null;
      }
      if (before.isSymbolicLink()) {
        throw symlink(p);
      }
    } catch (IOException e) {
      throw io("cannot read " + p, e);
    }
    long mtime = before.lastModifiedTime().to(TimeUnit.MICROSECONDS);
    Cached c = cache.getIfPresent(p);
    if (c != null && c.mtimeMicros == mtime && c.size == before.size() && Objects.equals(c.fileKey, before.fileKey())) {
      return c.bytes;
    }
    byte[] bytes;
    try {
      bytes = readRecord(p);
    } catch (NoSuchFileException e) {
      cache.invalidate(p);
      return null;
    } catch (IOException e) {
      throw io("cannot read " + p, e);
    }
    boolean stable = System.currentTimeMillis() - before.lastModifiedTime().toMillis() > STABLE_MILLIS;
    if (stable && bytes.length == before.size() && before.fileKey() != null) {
      cache.put(p, new Cached(before.fileKey(), mtime, before.size(), bytes));
    } else {
      cache.invalidate(p);
    }
    return bytes;
  }

  /** A temp file and the lock its writer holds on it until it is moved into place. */
  record Temp(Path path, FileChannel channel) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      channel.close(); // releases the lock
    }
  }

  /**
   * Creates a temp file and locks it. A cleaner in another process deletes a temp file only while
   * holding its lock, so once this writer holds the lock and the file is still there, it is safe.
   */
  Temp newTemp() throws IOException {
    ensureDirectory(tmp);
    Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
        StandardOpenOption.WRITE, NOFOLLOW);
    for (int attempt = 0; ; attempt++) {
      Path t = tmp.resolve(JVM_TOKEN + "-" + TEMP_COUNTER.incrementAndGet() + ".tmp");
      FileChannel ch = posix ? FileChannel.open(t, options, ownerOnly()) : FileChannel.open(t, options);
      try {
        ch.lock();
        if (Files.exists(t, NOFOLLOW)) {
          return new Temp(t, ch);
        }
      } catch (IOException | RuntimeException e) {
        ch.close();
        throw e;
      }
      ch.close();
      if (attempt > 100) {
        throw new IOException("cannot keep a temp file in " + tmp + ": another process keeps deleting them");
      }
    }
  }

  /**
   * Writes a file atomically: a locked temp file, forced, then moved over {@code target} (replace)
   * or hard-linked to it (create if absent). Returns false if not replacing and the target exists.
   */
  private boolean write(Path target, byte[] bytes, boolean replace) throws IOException {
    if (readOnly != null) {
      throw readOnlyError();
    }
    try (Temp t = newTemp()) {
      try {
        return commit(t, target, bytes, replace);
      } finally {
        Files.deleteIfExists(t.path());
      }
    }
  }

  /** Fills a held temp file and moves it into place (also used by tests to hold a write half-way). */
  boolean commit(Temp t, Path target, byte[] bytes, boolean replace) throws IOException {
    ensureDirectory(target.getParent());
    ByteBuffer b = ByteBuffer.wrap(bytes);
    long at = 0;
    while (b.hasRemaining()) {
      at += t.channel().write(b, at);
    }
    if (durable) {
      t.channel().force(true);
    }
    if (replace) {
      try {
        Files.move(t.path(), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(t.path(), target, StandardCopyOption.REPLACE_EXISTING);
      }
    } else {
      try {
        Files.createLink(target, t.path());
      } catch (FileAlreadyExistsException e) {
        return false;
      } catch (UnsupportedOperationException e) {
        // no hard links: the write lock is held, so check-then-move cannot race a writer
        if (Files.exists(target, NOFOLLOW)) {
          return false;
        }
        Files.move(t.path(), target, StandardCopyOption.ATOMIC_MOVE);
      }
    }
    cache.invalidate(target);
    if (durable) {
      forceDirectory(target.getParent());
    }
    return true;
  }

  /** The blob path of a digest, for tests that hold a write half-way. */
  Path blobPath(String hex) {
    return blob(hex);
  }

  private static void forceDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // some platforms cannot open or force a folder; the file itself was forced
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
