package dev.mlops.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.mlops.api.registry.Artifact;
import dev.mlops.api.registry.Expect;
import dev.mlops.api.registry.GcReport;
import dev.mlops.api.registry.ModelRef;
import dev.mlops.api.registry.ModelRegistry;
import dev.mlops.api.registry.ModelVersion;
import dev.mlops.api.registry.Registration;
import dev.mlops.api.registry.RegistryEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens {@code src/test/resources/registry-v1}, a registry written by the code before API 1.0
 * (see its README.md), with the current API: everything reads back as written, the stored bytes
 * verify against their recorded SHA-256, opening and reading change no file, and the current
 * writers render the same records byte for byte.
 */
class RegistryV1FixtureTest {
  private static final Path FIXTURE = Path.of("src/test/resources/registry-v1");
  private static final String CHURN_1 = "sha256:9dd797e2bd3c4b83f814bc815ddc8ad9b2349ea3cd2658dca2a17eea06bc7a1c";
  private static final String CHURN_2 = "sha256:09c5696dd578ee825372a3e15d67559004dc5bbda02e0ab63542b200caf491aa";
  private static final String CHURN_2_ONNX = "sha256:11601c0c1765d9f48cdbf1c0ef968f3933b9d3c5c88c783835840f854dc35284";
  private static final String CHURN_3 = "sha256:347cee42628cdb7b9cfbebfacb64f049fe4278fe6bd701e94d08a5aa8478dc63";
  private static final String FRAUD_1 = "sha256:8ddd64345d7b2d94217ffe7dbe491517beb327a78e2cc6fd10f25980bc734696";

  @TempDir Path dir;
  private Path root;

  /** Copies the fixture (without its README and git attributes), so the committed files are never touched. */
  @BeforeEach
  void copyFixture() throws IOException {
    root = dir.resolve("registry-v1");
    for (Map.Entry<String, byte[]> f : files(FIXTURE).entrySet()) {
      Path target = root.resolve(f.getKey());
      Files.createDirectories(target.getParent());
      Files.write(target, f.getValue());
    }
  }

  /** Every file under a directory by relative path, without the fixture's own documentation. */
  private static Map<String, byte[]> files(Path base) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> all = Files.walk(base)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        String name = base.relativize(p).toString().replace('\\', '/');
        if (!name.equals("README.md") && !name.equals(".gitattributes")) {
          out.put(name, Files.readAllBytes(p));
        }
      }
    }
    return out;
  }

  private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
    return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void everyBlobOfTheFixture_isNamedByItsSha256() throws Exception {
    Map<String, byte[]> files = files(FIXTURE);
    List<String> blobs = files.keySet().stream().filter(n -> n.startsWith("blobs/")).toList();
    assertThat(blobs).hasSize(5);
    for (String name : blobs) {
      assertThat(sha256(files.get(name))).as(name).isEqualTo("sha256:" + name.substring(name.lastIndexOf('/') + 1));
    }
  }

  @Test
  void versions_readBackAsWrittenAndTheirBytesVerify() throws Exception {
    try (ModelRegistry r = Registries.open(root)) {
      assertThat(r.modelNames()).containsExactly("churn", "fraud");
      assertThat(r.versions("churn")).extracting(ModelVersion::version).containsExactly(1, 2);

      ModelVersion one = r.get(ModelRef.parse("churn/1"));
      assertThat(one.revision()).isEqualTo(1);
      assertThat(one.created()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
      assertThat(one.artifact()).isEqualTo(new Artifact(CHURN_1, 15, "bytes"));
      assertThat(one.attachments()).isEmpty();
      assertThat(one.tags()).containsExactlyEntriesOf(Map.of("team", "risk"));
      assertThat(one.metadata()).containsExactlyEntriesOf(Map.of("notes", "first try\nwith two lines"));
      assertThat(one.metrics()).containsExactlyEntriesOf(Map.of("auc", 0.81));
      assertThat(one.lineage().trainingData()).contains("sha256:data-v1");
      assertThat(one.lineage().parentVersion()).isEmpty();
      assertThat(one.lineage().source()).contains("job 7");
      assertThat(one.schema()).isEmpty();
      assertThat(one.gateResult()).isEmpty();
      assertThat(one.aliases()).isEmpty();

      ModelVersion two = r.get(ModelRef.parse("churn@champion"));
      assertThat(two.ref()).isEqualTo(ModelRef.version("churn", 2));
      assertThat(two.revision()).isEqualTo(2);
      assertThat(two.created()).isEqualTo(Instant.parse("2026-01-01T00:02:00Z"));
      assertThat(two.artifact()).isEqualTo(new Artifact(CHURN_2, 15, "bytes"));
      assertThat(two.attachments()).containsExactlyEntriesOf(Map.of("onnx", new Artifact(CHURN_2_ONNX, 18, "onnx")));
      assertThat(two.tags()).containsExactlyEntriesOf(Map.of("reviewed-by", "ana"));
      assertThat(two.metadata()).containsExactlyEntriesOf(Map.of("framework", "none"));
      assertThat(two.metrics()).containsExactlyInAnyOrderEntriesOf(Map.of("auc", 0.91, "f1", 0.5));
      assertThat(two.lineage().parentVersion()).hasValue(1);
      assertThat(two.lineage().trainingData()).contains("sha256:data-v2");
      assertThat(two.schema()).hasValueSatisfying(s -> assertThat(s.name()).isEqualTo("loans"));
      assertThat(two.gateResult()).hasValueSatisfying(g -> {
        assertThat(g.passed()).isTrue();
        assertThat(g.criteria()).hasSize(1);
      });
      assertThat(two.aliases()).containsExactly("champion", "staging");

      byte[] a1 = r.loadArtifact(one.ref());
      assertThat(a1).isEqualTo(utf8("churn model one"));
      assertThat(sha256(a1)).isEqualTo(CHURN_1);
      byte[] a2 = r.loadArtifact(ModelRef.alias("churn", "staging"));
      assertThat(sha256(a2)).isEqualTo(CHURN_2);
      byte[] onnx = r.loadAttachment(ModelRef.parse("churn@champion"), "onnx");
      assertThat(onnx).isEqualTo(utf8("onnx export of two"));
      assertThat(sha256(onnx)).isEqualTo(CHURN_2_ONNX);
      assertThat(sha256(r.loadArtifact(ModelRef.version("fraud", 1)))).isEqualTo(FRAUD_1);

      assertThat(r.find(ModelRef.version("churn", 3))).isEmpty();
      assertThatThrownBy(() -> r.resolve(ModelRef.version("churn", 3))).isInstanceOf(NoSuchElementException.class)
          .hasMessage("model version churn/3 was deleted at 2026-01-01T00:10:00Z by fixture");
    }
  }

  @Test
  void aliasesAndTheAuditLog_readBackAsWritten() {
    try (ModelRegistry r = Registries.open(root)) {
      assertThat(r.resolve(ModelRef.parse("churn@champion"))).isEqualTo(ModelRef.version("churn", 2));
      assertThat(r.model("churn").aliases()).containsExactly(entry("champion", 2), entry("staging", 2));
      assertThat(r.model("churn").latestVersion()).isEqualTo(3);
      assertThat(r.model("churn").liveVersions()).isEqualTo(2);

      List<RegistryEvent> h = r.history("churn");
      assertThat(h).extracting(RegistryEvent::kind).containsExactly(RegistryEvent.Kind.REGISTERED,
          RegistryEvent.Kind.REGISTERED, RegistryEvent.Kind.REGISTERED, RegistryEvent.Kind.ALIAS_SET,
          RegistryEvent.Kind.ALIAS_SET, RegistryEvent.Kind.ALIAS_SET, RegistryEvent.Kind.TAG_SET,
          RegistryEvent.Kind.TAG_REMOVED, RegistryEvent.Kind.METRIC_SET, RegistryEvent.Kind.DELETED);
      assertThat(h).extracting(RegistryEvent::actor).containsOnly("fixture");
      assertThat(h.get(0).change().before()).isEmpty();
      assertThat(h.get(0).change().after()).contains(CHURN_1);
      assertThat(h.get(4).version()).isEqualTo(ModelRef.version("churn", 2));
      assertThat(h.get(4).key()).contains("champion");
      assertThat(h.get(4)).hasToString("2026-01-01T00:07:00Z fixture ALIAS_SET churn@champion 1 -> 2");
      assertThat(h.get(7)).hasToString("2026-01-01T00:09:00Z fixture TAG_REMOVED churn/2 team risk -> -");
      assertThat(h.get(9).change().before()).contains(CHURN_3);

      assertThat(r.aliasAt("churn", "champion", Instant.parse("2026-01-01T00:05:59Z"))).isEmpty();
      assertThat(r.aliasAt("churn", "champion", Instant.parse("2026-01-01T00:06:30Z")))
          .contains(ModelRef.version("churn", 1));
      assertThat(r.aliasAt("churn", "champion", Instant.parse("2026-01-01T00:07:00Z")))
          .contains(ModelRef.version("churn", 2));
    }
  }

  @Test
  void openingReadingAndPreviewingGc_changeNoFile() throws Exception {
    Map<String, byte[]> before = files(root);
    try (ModelRegistry r = Registries.open(root)) {
      r.versions("churn");
      r.versions("fraud");
      r.history("churn");
      r.loadAttachment(ModelRef.parse("churn@champion"), "onnx");
      GcReport preview = r.gcPreview();
      assertThat(preview.preview()).isTrue();
      assertThat(preview.unreferenced()).containsExactly(CHURN_3);
      assertThat(preview.bytes()).isEqualTo(17);
    }
    Map<String, byte[]> after = files(root);
    assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
    for (String name : before.keySet()) {
      assertThat(after.get(name)).as(name).isEqualTo(before.get(name));
    }
  }

  @Test
  void theCurrentWriters_renderTheRecordsByteForByte() throws IOException {
    Map<String, byte[]> fixture = files(FIXTURE);
    try (ModelRegistry r = Registries.open(root)) {
      for (ModelRef ref : List.of(ModelRef.version("churn", 1), ModelRef.version("fraud", 1))) {
        String file = "models/" + ref.name() + "/versions/1.json";
        assertThat(RegistryJson.manifest(r.get(ref))).as(file).isEqualTo(fixture.get(file));
      }
      assertThat(RegistryJson.aliases(r.model("churn").aliases())).isEqualTo(fixture.get("models/churn/aliases.json"));
      StringBuilder audit = new StringBuilder();
      for (String name : r.modelNames()) {
        r.history(name).forEach(e -> audit.append(new String(RegistryJson.event(e), StandardCharsets.UTF_8)));
      }
      assertThat(audit.toString()).isEqualTo(new String(fixture.get("audit.jsonl"), StandardCharsets.UTF_8));
    }
  }

  @Test
  void anOldRegistry_takesNewVersionsAliasMovesAndGc() {
    try (ModelRegistry r = Registries.open(root)) {
      ModelVersion four = r.register("churn", "bytes", utf8("churn model four"), Registration.none());
      assertThat(four.version()).as("3 stays reserved though deleted").isEqualTo(4);
      assertThat(r.setAlias(four.ref(), "champion", Expect.version(2))).contains(ModelRef.version("churn", 2));
      assertThat(r.rollback("churn", "champion")).isEqualTo(ModelRef.version("churn", 2));
      assertThat(r.gc().unreferenced()).containsExactly(CHURN_3);
      assertThat(r.gcPreview().unreferenced()).isEmpty();
    }
    try (ModelRegistry r = Registries.open(root)) {
      assertThat(r.resolve(ModelRef.alias("churn", "champion"))).isEqualTo(ModelRef.version("churn", 2));
      assertThat(r.versions("churn")).extracting(ModelVersion::version).containsExactly(1, 2, 4);
    }
  }
}
