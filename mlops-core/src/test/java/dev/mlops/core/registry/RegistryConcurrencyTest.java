package dev.mlops.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.api.registry.ModelRegistry;
import dev.mlops.api.registry.ModelVersion;
import dev.mlops.api.registry.Registration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Threads and processes registering on one directory at once: 8 threads in this JVM and 4 child
 * JVMs, 50 registrations each, must produce exactly versions 1..600, each of which verifies.
 */
@Tag("slow")
class RegistryConcurrencyTest {
  @TempDir Path dir;

  @Test
  void threadsAndProcesses_registerSixHundredVersionsWithNoneLostOrDuplicated() throws Exception {
    Path root = dir.resolve("reg");
    try (ModelRegistry registry = Registries.open(root)) {
      List<Process> children = new ArrayList<>();
      for (int p = 0; p < 4; p++) {
        children.add(ChildJvm.start(root, "churn", 50));
      }
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<List<Integer>>> threads = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        String writer = "thread-" + t;
        threads.add(pool.submit(() -> {
          List<Integer> mine = new ArrayList<>();
          for (int i = 0; i < 50; i++) {
            mine.add(registry.register("churn", "bytes", RegistryWriterProbe.artifact(writer, i),
                Registration.builder().tag("writer", writer).build()).version());
          }
          return mine;
        }));
      }
      List<Integer> fromThreads = new ArrayList<>();
      for (Future<List<Integer>> f : threads) {
        fromThreads.addAll(f.get(120, TimeUnit.SECONDS));
      }
      pool.shutdown();
      for (Process child : children) {
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("child finished").isTrue();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as(out).isZero();
        assertThat(out).contains("done");
      }

      assertThat(fromThreads).hasSize(400).doesNotHaveDuplicates();
      List<ModelVersion> versions = registry.versions("churn");
      assertThat(versions).extracting(ModelVersion::version)
          .containsExactlyElementsOf(IntStream.rangeClosed(1, 600).boxed().toList());
      assertThat(versions).extracting(v -> v.tags().get("writer")).doesNotContainNull();
      assertThat(versions.stream().map(v -> v.tags().get("writer")).distinct().count()).isEqualTo(12);
      for (ModelVersion v : versions) {
        assertThat(registry.loadArtifact(v.ref())).hasSize((int) v.artifact().size());
      }
      assertThat(registry.history("churn")).extracting(e -> e.version().number())
          .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 600).boxed().toList());
    }
  }
}
