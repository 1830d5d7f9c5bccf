package dev.mlops.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mlops.api.data.MalformedDataException;
import dev.mlops.api.registry.IntegrityException;
import dev.mlops.api.registry.ModelQuery;
import dev.mlops.api.registry.ModelRef;
import dev.mlops.api.registry.ModelRegistry;
import dev.mlops.api.registry.ModelVersion;
import dev.mlops.api.registry.RegisteredModel;
import dev.mlops.api.registry.RegistryOptions;
import dev.mlops.core.registry.Registries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzzes the registry's record files through the public API: a copy of the {@code registry-v1}
 * fixture gets the input as the manifest of {@code churn} version 2 and as the alias file of
 * {@code fraud}, is opened with {@link Registries#open(Path, RegistryOptions)}, and every model is read (model,
 * versions, each version found and its artifact and attachments loaded, each alias resolved,
 * history, search, gc preview, whose refusal while a record is unreadable is documented). A bad
 * record may only be rejected with a
 * {@link MalformedDataException} naming the file, or an {@link IntegrityException} for bytes that
 * do not match their recorded digest. Corpus: {@code RegistryFilesFuzzTestInputs/registryFiles/}.
 */
class RegistryFilesFuzzTest {
  private static final Path FIXTURE = Path.of("src/test/resources/registry-v1");
  private static final String MANIFEST = "models/churn/versions/2.json";
  private static final String ALIASES = "models/fraud/aliases.json";
  private static final Map<String, byte[]> TEMPLATE = new TreeMap<>();
  /** Nothing forced to disk (a scratch registry per input), a fixed clock. */
  private static final RegistryOptions OPTIONS = RegistryOptions.builder()
      .durability(RegistryOptions.Durability.SURVIVES_PROCESS_CRASH)
      .clock(Clock.fixed(Instant.parse("2026-02-01T00:00:00Z"), ZoneOffset.UTC))
      .actor("fuzz")
      .build();

  @BeforeAll
  static void loadFixture() throws IOException {
    try (Stream<Path> all = Files.walk(FIXTURE)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        String name = FIXTURE.relativize(p).toString().replace('\\', '/');
        if (!name.equals("README.md") && !name.equals(".gitattributes")) {
          TEMPLATE.put(name, Files.readAllBytes(p));
        }
      }
    }
  }

  @FuzzTest(maxDuration = "10m")
  void registryFiles(byte[] input) throws IOException {
    Path root = Files.createTempDirectory("fuzz-registry");
    try {
      for (Map.Entry<String, byte[]> f : TEMPLATE.entrySet()) {
        Path target = root.resolve(f.getKey());
        Files.createDirectories(target.getParent());
        Files.write(target, f.getValue());
      }
      Files.write(root.resolve(MANIFEST), input);
      Files.write(root.resolve(ALIASES), input);
      documented(() -> {
        try (ModelRegistry registry = Registries.open(root, OPTIONS)) {
          for (String name : registry.modelNames()) {
            documented(() -> readModel(registry, name));
          }
          documented(() -> registry.search(ModelQuery.all()));
          documented(() -> {
            try {
              registry.gcPreview();
            } catch (IllegalStateException refused) {
              // Documented: gc (and its preview) refuse while a record cannot be read, naming it.
              assertThat(refused.getMessage()).startsWith("cannot collect garbage while").contains(MANIFEST);
            }
          });
        }
      });
    } finally {
      deleteTree(root);
    }
  }

  private static void readModel(ModelRegistry registry, String name) {
    RegisteredModel model = registry.model(name);
    for (ModelVersion v : registry.versions(name)) {
      assertThat(registry.find(v.ref())).isPresent();
      documented(() -> registry.loadArtifact(v.ref()));
      for (String attachment : v.attachments().keySet()) {
        documented(() -> registry.loadAttachment(v.ref(), attachment));
      }
    }
    for (String alias : model.aliases().keySet()) {
      registry.find(ModelRef.alias(name, alias));
    }
    registry.history(name);
  }

  /**
   * Runs one read (opening included: the registry reads alias files when it opens); only the
   * documented rejections of a bad record may escape it, and they are checked here.
   */
  private static void documented(Runnable read) {
    try {
      read.run();
    } catch (MalformedDataException e) {
      assertThat(e.source()).as("source of %s", e).satisfiesAnyOf(
          s -> assertThat(s).endsWith(MANIFEST), s -> assertThat(s).endsWith(ALIASES));
      assertThat(e.problem()).as("problem of %s", e).isNotBlank();
    } catch (IntegrityException e) {
      assertThat(e.location()).as("location of %s", e).isNotBlank();
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
