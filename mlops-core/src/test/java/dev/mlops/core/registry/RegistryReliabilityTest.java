package dev.mlops.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mlops.api.data.MalformedDataException;
import dev.mlops.api.registry.Expect;
import dev.mlops.api.registry.IntegrityException;
import dev.mlops.api.registry.ModelRef;
import dev.mlops.api.registry.ModelRegistry;
import dev.mlops.api.registry.ModelVersion;
import dev.mlops.api.registry.Registration;
import dev.mlops.api.registry.RegistryOptions;
import dev.mlops.api.registry.VersionUpdate;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, findings 1 to 5: the registry loses no write to an opener in another PID namespace,
 * never hangs on a held lock, opens read-only folders read-only, survives a malformed manifest,
 * and follows no symbolic link. Child JVMs (and, where the machine allows, {@code unshare}) make
 * the other processes real.
 */
@Tag("slow")
class RegistryReliabilityTest {
  @TempDir Path dir;
  private final List<Process> children = new ArrayList<>();

  @AfterEach
  void killChildren() {
    children.forEach(Process::destroyForcibly);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static RegistryOptions fast() {
    return RegistryOptions.builder().durability(RegistryOptions.Durability.SURVIVES_PROCESS_CRASH).build();
  }

  private Process start(List<String> command) throws IOException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    children.add(p);
    return p;
  }

  private static BufferedReader out(Process p) {
    return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
  }

  private static void tell(Process p) throws IOException {
    OutputStream in = p.getOutputStream();
    in.write('\n');
    in.flush();
  }

  /** Runs a command to its end (at most 60 s) and returns its output. */
  private String run(List<String> command) throws Exception {
    Process p = start(command);
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("ended: %s", text).isTrue();
    assertThat(p.exitValue()).as("exit status; output: %s", text).isZero();
    return text;
  }

  private static boolean works(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static List<String> prefixed(List<String> prefix, List<String> command) {
    List<String> all = new ArrayList<>(prefix);
    all.addAll(command);
    return all;
  }

  /** Every file under a folder with its bytes, to show that nothing changed. */
  private static Map<String, byte[]> files(Path base) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> all = Files.walk(base)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        out.put(base.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return out;
  }

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  // ------------------------------------------------------------------ 1: PID namespaces

  @Test
  void aLiveWritersTempFile_survivesAnOpenerInAnotherPidNamespace() throws Exception {
    assumeTrue(works("unshare", "--pid", "--fork", "--mount-proc", "true"),
        "unshare --pid needs privileges this machine lacks");
    Path root = dir.resolve("reg");
    Registries.open(root, fast()).close();
    Process writer = start(ChildJvm.command(RegistryProbe.class, "hold-temp", root.toString()));
    BufferedReader writerOut = out(writer);
    String holding = writerOut.readLine();
    assertThat(holding).startsWith("holding ");
    Path temp = root.resolve("tmp").resolve(holding.substring("holding ".length()));
    assertThat(temp).exists();

    // the opener runs in a new PID namespace with its own /proc, as in a container: the writer's
    // process id means nothing there (before issue 13, 8 of 8 registrations of 100 MB failed so)
    String opened = run(prefixed(List.of("unshare", "--pid", "--fork", "--mount-proc"),
        ChildJvm.command(RegistryProbe.class, "open", root.toString())));
    assertThat(opened).contains("opened pid=");
    long openerPid = Long.parseLong(opened.replaceAll("(?s).*opened pid=(\\d+).*", "$1"));
    assertThat(openerPid).as("the opener saw itself as one of the first processes of its namespace").isLessThan(10);
    assertThat(temp).as("the live writer's temp file").exists();

    tell(writer);
    assertThat(writerOut.readLine()).as("the writer finished its write").startsWith("committed ");
    assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(writer.exitValue()).isZero();
    assertThat(names(root.resolve("tmp"))).isEmpty();
  }

  @Test
  void aLiveWritersTempFileIsKept_andAKilledWritersIsRemoved_byOpen() throws Exception {
    Path root = dir.resolve("reg");
    Registries.open(root, fast()).close();
    Process writer = start(ChildJvm.command(RegistryProbe.class, "hold-temp", root.toString()));
    String holding = out(writer).readLine();
    assertThat(holding).startsWith("holding ");
    Path temp = root.resolve("tmp").resolve(holding.substring("holding ".length()));

    Registries.open(root, fast()).close();
    assertThat(temp).as("kept while its writer lives and holds its lock").exists();

    writer.destroyForcibly();
    assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
    Registries.open(root, fast()).close();
    assertThat(temp).as("removed once its writer is gone").doesNotExist();
  }

  // ------------------------------------------------------------------ 2: a held lock

  @Test
  void whileAnotherProcessHoldsTheLock_openAndReadsDoNotWait_andWritesTimeOutNamingTheLockFile() throws Exception {
    assertThat(RegistryOptions.defaults().lockTimeout()).isEqualTo(Duration.ofSeconds(30));
    Path root = dir.resolve("reg");
    try (ModelRegistry r = Registries.open(root, fast())) {
      r.register("churn", "bytes", bytes("one"), Registration.none());
    }
    Process holder = start(ChildJvm.command(RegistryProbe.class, "hold-lock", root.toString()));
    assertThat(out(holder).readLine()).isEqualTo("locked true");

    RegistryOptions options = RegistryOptions.builder().lockTimeout(Duration.ofMillis(500))
        .durability(RegistryOptions.Durability.SURVIVES_PROCESS_CRASH).build();
    long start = System.nanoTime();
    try (ModelRegistry r = Registries.open(root, options)) {
      assertThat(r.versions("churn")).hasSize(1);
      assertThat(r.loadArtifact(ModelRef.version("churn", 1))).isEqualTo(bytes("one"));
      assertThat(r.history("churn")).hasSize(1);
      long reads = System.nanoTime() - start;
      assertThat(Duration.ofNanos(reads)).as("opening and reading").isLessThan(Duration.ofMillis(400));

      long before = System.nanoTime();
      assertThatThrownBy(() -> r.register("churn", "bytes", bytes("two"), Registration.none()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("timed out after PT0.5S waiting for the write lock " + root.toRealPath().resolve(".lock"))
          .hasMessageContaining("another process holds it");
      Duration waited = Duration.ofNanos(System.nanoTime() - before);
      assertThat(waited).isBetween(Duration.ofMillis(450), Duration.ofSeconds(5));
      System.out.println("open and 3 reads took " + reads / 1_000_000 + " ms with the lock held elsewhere; "
          + "a write gave up after " + waited.toMillis() + " ms");

      tell(holder);
      assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(r.register("churn", "bytes", bytes("two"), Registration.none()).version()).isEqualTo(2);
    }
  }

  @Test
  void lockTimeout_isValidatedAndSetOnce() {
    assertThatThrownBy(() -> RegistryOptions.builder().lockTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("lockTimeout must be from PT0S to P1D, was PT-1S");
    assertThatThrownBy(() -> RegistryOptions.builder().lockTimeout(Duration.ofSeconds(1)).lockTimeout(Duration.ZERO))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("lockTimeout");
    assertThatThrownBy(() -> RegistryOptions.builder().lockTimeout(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("lockTimeout");
    assertThat(RegistryOptions.builder().lockTimeout(Duration.ZERO).build().lockTimeout()).isZero();
  }

  // ------------------------------------------------------------------ 3: read-only

  @Test
  void aRegistryOpenedReadOnly_readsAndRefusesEveryChangeWithoutWritingAnything() throws Exception {
    Path root = dir.resolve("reg");
    try (ModelRegistry r = Registries.open(root, fast())) {
      r.register("churn", "bytes", bytes("one"), Registration.none());
      r.setAlias(ModelRef.version("churn", 1), "champion");
    }
    Files.delete(root.resolve(".lock"));
    Files.writeString(root.resolve("audit.jsonl"), "{\"torn", StandardOpenOption.APPEND);
    Map<String, byte[]> before = files(root);

    RegistryOptions readOnly = RegistryOptions.builder().access(RegistryOptions.Access.READ_ONLY).build();
    try (ModelRegistry r = Registries.open(root, readOnly)) {
      assertThat(r.get(ModelRef.alias("churn", "champion")).version()).isEqualTo(1);
      assertThat(r.loadArtifact(ModelRef.version("churn", 1))).isEqualTo(bytes("one"));
      assertThat(r.history("churn")).hasSize(2);
      assertThat(r.gcPreview().unreferenced()).isEmpty();
      ModelRef one = ModelRef.version("churn", 1);
      List<Consumer<ModelRegistry>> changes = List.of(
          x -> x.register("churn", "bytes", bytes("two"), Registration.none()),
          x -> x.setAlias(one, "staging", Expect.any()),
          x -> x.removeAlias("churn", "champion", Expect.any()),
          x -> x.update(one, VersionUpdate.builder().tag("k", "v").build()),
          x -> x.delete(one),
          x -> x.rollback("churn", "champion"),
          ModelRegistry::gc);
      for (Consumer<ModelRegistry> change : changes) {
        assertThatThrownBy(() -> change.accept(r)).isInstanceOf(IllegalStateException.class)
            .hasMessage("the model registry " + root.toRealPath() + " is open read-only, so it cannot be changed: "
                + "it was opened with RegistryOptions.Access.READ_ONLY");
      }
    }
    Map<String, byte[]> after = files(root);
    assertThat(after.keySet()).as("no lock file, no temp file, no repaired audit line").isEqualTo(before.keySet());
    after.forEach((name, content) -> assertThat(content).as(name).isEqualTo(before.get(name)));
    assertThatThrownBy(() -> Registries.open(dir.resolve("absent"), readOnly)).isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("read-only");
  }

  @Test
  void aRegistryOnAReadOnlyMount_opensReadOnlyAndSaysWhyItCannotWrite() throws Exception {
    // root can write through any permission, so the read-only folder is a real read-only bind mount
    assumeTrue(works("unshare", "--mount", "sh", "-c", "mount --bind / /mnt && mount -o remount,bind,ro /mnt"),
        "unshare --mount needs privileges this machine lacks");
    Path root = dir.resolve("reg");
    try (ModelRegistry r = Registries.open(root, fast())) {
      r.register("churn", "bytes", bytes("one"), Registration.none());
    }
    Map<String, byte[]> before = files(root);
    String real = root.toRealPath().toString();
    String output = run(prefixed(List.of("unshare", "--mount", "sh", "-c",
        "mount --bind \"$0\" \"$0\" && mount -o remount,bind,ro \"$0\" \"$0\" && exec \"$@\"", real),
        ChildJvm.command(RegistryProbe.class, "read-only", real)));
    assertThat(output).contains("versions=1", "artifact=3")
        .contains("register: IllegalStateException: the model registry " + real + " is open read-only, so it cannot "
            + "be changed: its folder is")
        .containsPattern("read-write: UncheckedIOException: .*cannot open the registry for writing: its folder is");
    assertThat(files(root)).containsOnlyKeys(before.keySet());
  }

  // ------------------------------------------------------------------ 4: malformed manifests, overflow

  @Test
  void aMalformedManifest_isReportedWhileTheOtherVersionsStayReadable_andGcRefusesToRun() throws Exception {
    Path root = dir.resolve("reg");
    try (FileModelRegistry r = (FileModelRegistry) Registries.open(root, fast())) {
      for (String s : List.of("one", "two", "three")) {
        r.register("churn", "bytes", bytes(s), Registration.none());
      }
      r.register("fraud", "bytes", bytes("f"), Registration.none());
      Path two = r.root().resolve("models/churn/versions/2.json");
      byte[] good = Files.readAllBytes(two);
      Files.writeString(two, "{\"formatVersion\": 1, \"name\": \"churn\", \"version\": 2, \"revision\": \"x\"}");

      assertThat(r.versions("churn")).extracting(ModelVersion::version).containsExactly(1, 3);
      assertThat(r.model("churn").liveVersions()).isEqualTo(2);
      assertThat(r.loadArtifact(ModelRef.version("churn", 3))).isEqualTo(bytes("three"));
      assertThatThrownBy(() -> r.get(ModelRef.version("churn", 2))).isInstanceOf(MalformedDataException.class)
          .hasMessageContaining(two.toString()).hasMessageContaining("$.revision");
      for (Runnable gc : List.<Runnable>of(r::gc, r::gcPreview)) {
        assertThatThrownBy(gc::run).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("cannot collect garbage while 1 record(s) cannot be read")
            .hasMessageContaining("churn/2 (").hasMessageContaining("$.revision");
      }
      try (ModelRegistry again = Registries.open(root, fast())) {
        assertThat(again.register("churn", "bytes", bytes("four"), Registration.none()).version()).isEqualTo(4);
      }
      Files.write(two, good);
      assertThat(r.versions("churn")).extracting(ModelVersion::version).containsExactly(1, 2, 3, 4);
      assertThat(r.gc().unreferenced()).isEmpty();
    }
  }

  @Test
  void aVersionFileAtTheLargestNumber_makesRegisterRefuseInsteadOfWrappingToANegativeNumber() throws Exception {
    Path root = dir.resolve("reg");
    try (FileModelRegistry r = (FileModelRegistry) Registries.open(root, fast())) {
      r.register("churn", "bytes", bytes("one"), Registration.none());
      Path versions = r.root().resolve("models/churn/versions");
      Files.copy(versions.resolve("1.json"), versions.resolve(Integer.MAX_VALUE + ".json"));
    }
    try (FileModelRegistry r = (FileModelRegistry) Registries.open(root, fast())) {
      assertThatThrownBy(() -> r.register("churn", "bytes", bytes("two"), Registration.none()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("model churn has used every version number up to 2147483647; register under a new model name");
      assertThat(names(r.root().resolve("models/churn/versions"))).containsExactly("1.json", "2147483647.json");
      assertThat(r.register("other", "bytes", bytes("two"), Registration.none()).version()).isEqualTo(1);
    }
  }

  // ------------------------------------------------------------------ 5: symbolic links, sizes

  @Test
  void aLinkedAuditLog_isRefusedAndItsTargetIsNeverTouched() throws Exception {
    Path root = dir.resolve("reg");
    try (ModelRegistry r = Registries.open(root, fast())) {
      r.register("churn", "bytes", bytes("one"), Registration.none());
    }
    Path victim = Files.writeString(dir.resolve("victim.txt"), "precious, without a final newline");
    Files.delete(root.resolve("audit.jsonl"));
    Files.createSymbolicLink(root.resolve("audit.jsonl"), victim);

    assertThatThrownBy(() -> Registries.open(root, fast())).isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(root.toRealPath().resolve("audit.jsonl").toString())
        .hasMessageContaining("is a symbolic link; a model registry never follows links inside its folder");
    assertThat(victim).hasContent("precious, without a final newline");
  }

  @Test
  void aLinkedModelFolder_isRefusedAndNothingIsWrittenThrough() throws Exception {
    Path root = dir.resolve("reg");
    try (ModelRegistry r = Registries.open(root, fast())) {
      r.register("churn", "bytes", bytes("one"), Registration.none());
    }
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.createSymbolicLink(root.resolve("models/evil"), outside);

    try (ModelRegistry r = Registries.open(root, fast())) {
      assertThatThrownBy(() -> r.register("evil", "bytes", bytes("x"), Registration.none()))
          .isInstanceOf(UncheckedIOException.class).hasMessageContaining("models/evil: is a symbolic link");
      assertThatThrownBy(() -> r.versions("evil")).isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining("is a symbolic link");
      assertThatThrownBy(r::gc).isInstanceOf(IllegalStateException.class).hasMessageContaining("evil (");
      assertThat(r.versions("churn")).hasSize(1);
    }
    assertThat(names(outside)).isEmpty();
  }

  @Test
  void aBlobLinkedToDevZero_oneLongerThanRecorded_orAFifo_isAClearErrorNotAHangOrOutOfMemory() throws Exception {
    Path root = dir.resolve("reg");
    try (FileModelRegistry r = (FileModelRegistry) Registries.open(root, fast())) {
      ModelVersion v = r.register("churn", "bytes", bytes("one"), Registration.none());
      String hex = v.artifact().hex();
      Path blob = r.root().resolve("blobs/sha256/" + hex.substring(0, 2) + "/" + hex);

      Files.delete(blob);
      Files.createSymbolicLink(blob, Path.of("/dev/zero"));
      assertThatThrownBy(() -> r.loadArtifact(v.ref())).isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining(blob + ": is a symbolic link");

      Files.delete(blob);
      Files.write(blob, new byte[8 << 20]);
      assertThatThrownBy(() -> r.loadArtifact(v.ref())).isInstanceOf(IntegrityException.class)
          .hasMessageContaining("more than 3 bytes (reading stopped there)");

      Files.delete(blob);
      assumeTrue(works("mkfifo", blob.toString()), "mkfifo is not available");
      assertThatThrownBy(() -> r.loadArtifact(v.ref())).isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining(blob + ": is not a regular file");
    }
  }

  @Test
  void aLinkedManifestOrAliasFile_isRefused() throws Exception {
    Path root = dir.resolve("reg");
    try (FileModelRegistry r = (FileModelRegistry) Registries.open(root, fast())) {
      r.register("churn", "bytes", bytes("one"), Registration.none());
      Path manifest = r.root().resolve("models/churn/versions/1.json");
      Path copy = Files.copy(manifest, dir.resolve("elsewhere.json"));
      Files.delete(manifest);
      Files.createSymbolicLink(manifest, copy);
      assertThatThrownBy(() -> r.get(ModelRef.version("churn", 1))).isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining(manifest + ": is a symbolic link");
      Path aliases = r.root().resolve("models/churn/aliases.json");
      Files.createSymbolicLink(aliases, copy);
      assertThatThrownBy(() -> r.setAlias(ModelRef.version("churn", 1), "champion"))
          .isInstanceOf(UncheckedIOException.class).hasMessageContaining(aliases + ": is a symbolic link");
    }
  }
}
