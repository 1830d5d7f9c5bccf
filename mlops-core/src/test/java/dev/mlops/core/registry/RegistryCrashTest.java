package dev.mlops.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.api.registry.ModelRef;
import dev.mlops.api.registry.ModelRegistry;
import dev.mlops.api.registry.ModelVersion;
import dev.mlops.api.registry.RegistryEvent;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Child JVMs that register in a loop are killed with SIGKILL at random points, 50 times in all
 * (in rounds of 5 running at once). After every round the registry opens, every visible version
 * and its attachment verify, numbers have no gaps, and no audit entry refers to a missing version;
 * at the end gc collects the blobs of writers killed before their manifest, and nothing else.
 */
@Tag("slow")
class RegistryCrashTest {
  private static final int ROUNDS = 10;
  private static final int CHILDREN_PER_ROUND = 5;

  @TempDir Path dir;

  @Test
  void killedWriters_neverLeaveAHalfRegisteredVersionOrADanglingAuditEntry() throws Exception {
    Path root = dir.resolve("reg");
    SplittableRandom random = new SplittableRandom(7);
    Registries.open(root).close();
    int kills = 0;
    int interruptedWrites = 0;
    for (int round = 0; round < ROUNDS; round++) {
      List<Process> children = new ArrayList<>();
      for (int c = 0; c < CHILDREN_PER_ROUND; c++) {
        children.add(ChildJvm.start(root, "churn", -1));
      }
      for (Process child : children) {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String first = out.readLine();
        assertThat(first).as("child started").isEqualTo("ready");
      }
      for (Process child : children) {
        Thread.sleep(random.nextInt(5, 120));
        child.destroyForcibly();
      }
      for (Process child : children) {
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        kills++;
      }
      try (Stream<Path> tmp = Files.list(root.resolve("tmp"))) {
        interruptedWrites += (int) tmp.count();
      }
      verify(root);
    }
    assertThat(kills).isEqualTo(50);
    System.out.println("killed " + kills + " writers; " + interruptedWrites + " were caught mid-write (temp file left); "
        + recovered + " audit entries completed on open");
    try (ModelRegistry registry = Registries.open(root)) {
      assertThat(registry.versions("churn")).as("the children made progress").hasSizeGreaterThan(ROUNDS);
      // blobs of writers killed before their manifest are unreferenced: gc collects them, and only them
      int orphans = registry.gc().unreferenced().size();
      System.out.println(orphans + " blobs of killed writers collected by gc");
      assertThat(registry.gcPreview().unreferenced()).isEmpty();
      for (ModelVersion v : registry.versions("churn")) {
        registry.loadArtifact(v.ref());
        registry.loadAttachment(v.ref(), "onnx");
      }
    }
  }

  private int recovered;

  private void verify(Path root) throws Exception {
    try (ModelRegistry registry = Registries.open(root)) {
      try (Stream<Path> tmp = Files.list(root.resolve("tmp"))) {
        assertThat(tmp.toList()).as("temp files of killed writers are cleaned on open").isEmpty();
      }
      List<ModelVersion> versions = registry.versions("churn");
      assertThat(versions).extracting(ModelVersion::version)
          .containsExactlyElementsOf(IntStream.rangeClosed(1, versions.size()).boxed().toList());
      for (ModelVersion v : versions) {
        assertThat(registry.loadArtifact(v.ref())).hasSize((int) v.artifact().size());
        assertThat(v.attachments()).as("registered with its attachment or not at all").containsOnlyKeys("onnx");
        assertThat(registry.loadAttachment(v.ref(), "onnx")).hasSize((int) v.attachments().get("onnx").size());
      }
      List<RegistryEvent> history = registry.history("churn");
      for (RegistryEvent e : history) {
        assertThat(registry.find(e.version())).as("audit entry %s", e).isPresent();
      }
      assertThat(history.stream().filter(e -> e.kind() == RegistryEvent.Kind.REGISTERED)
          .map(e -> e.version().number()))
          .as("every version has its REGISTERED entry (completed on open if its writer died first)")
          .containsExactlyInAnyOrderElementsOf(versions.stream().map(ModelVersion::version).toList());
      if (registry.model("churn").aliases().containsKey("latest")) {
        assertThat(registry.aliasAt("churn", "latest", Instant.now().plusSeconds(60)))
            .as("the audit log agrees with the alias file")
            .hasValue(registry.resolve(ModelRef.alias("churn", "latest")));
      }
      recovered = (int) history.stream().filter(e -> e.actor().equals(StoreRegistry.RECOVERY_ACTOR)).count();
    }
  }
}
