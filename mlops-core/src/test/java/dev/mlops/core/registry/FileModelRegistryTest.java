package dev.mlops.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlops.api.data.MalformedDataException;
import dev.mlops.api.registry.IntegrityException;
import dev.mlops.api.registry.ModelRef;
import dev.mlops.api.registry.ModelVersion;
import dev.mlops.api.registry.Registration;
import dev.mlops.api.registry.RegistryEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileModelRegistryTest {
  @TempDir Path dir;

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Opens a file registry as its implementation type, for the tests that look at its files. */
  private static FileModelRegistry open(Path root) {
    return (FileModelRegistry) Registries.open(root);
  }

  private static Path blob(FileModelRegistry r, ModelVersion v) {
    String hex = v.artifact().hex();
    return r.root().resolve("blobs/sha256/" + hex.substring(0, 2) + "/" + hex);
  }

  @Test
  void reopening_seesEveryVersionAliasAndAuditEntry() {
    Path root = dir.resolve("reg");
    try (FileModelRegistry r = open(root)) {
      r.register("churn", "bytes", bytes("a"), Registration.builder().tag("t", "1").build());
      r.register("churn", "bytes", bytes("b"), Registration.none());
      r.setAlias(ModelRef.version("churn", 2), "champion");
    }
    try (FileModelRegistry r = open(root)) {
      assertThat(r.resolve(ModelRef.parse("churn@champion")).number()).isEqualTo(2);
      assertThat(r.get(ModelRef.parse("churn/1")).tags()).containsEntry("t", "1");
      assertThat(r.loadArtifact(ModelRef.parse("churn/2"))).isEqualTo(bytes("b"));
      assertThat(r.history("churn")).hasSize(3);
      assertThat(r.register("churn", "bytes", bytes("c"), Registration.none()).version()).isEqualTo(3);
    }
  }

  @Test
  void twoInstancesInOneJvm_shareNumbersWithoutClashing() {
    Path root = dir.resolve("reg");
    try (FileModelRegistry a = open(root); FileModelRegistry b = open(root)) {
      for (int i = 0; i < 5; i++) {
        assertThat(a.register("m", "bytes", bytes("a" + i), Registration.none()).version()).isEqualTo(2 * i + 1);
        assertThat(b.register("m", "bytes", bytes("b" + i), Registration.none()).version()).isEqualTo(2 * i + 2);
      }
      a.setAlias(ModelRef.version("m", 3), "x");
      assertThat(b.resolve(ModelRef.alias("m", "x")).number()).isEqualTo(3);
    }
  }

  @Test
  void open_refusesAFolderThatIsNotARegistry() throws IOException {
    Path other = Files.createDirectories(dir.resolve("photos"));
    Files.writeString(other.resolve("cat.jpg"), "meow");
    assertThatThrownBy(() -> Registries.open(other)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a model registry").hasMessageContaining("cat.jpg");
  }

  @Test
  void open_removesAnOldUnlockedTempFileAndTheNextAppendCutsATornAuditLine() throws IOException {
    Path root = dir.resolve("reg");
    try (FileModelRegistry r = open(root)) {
      r.register("churn", "bytes", bytes("a"), Registration.none());
    }
    // named as writers before issue 13 named them (by process id, unlocked): removed once older than an hour
    Path leftover = root.resolve("tmp/999999999-123.tmp");
    Files.writeString(leftover, "{\"formatVersion\":1,\"name\":\"churn\",\"vers");
    Files.setLastModifiedTime(leftover, FileTime.from(Instant.now().minus(FileStore.LEGACY_TEMP_AGE).minusSeconds(60)));
    Path recent = root.resolve("tmp/999999998-124.tmp");
    Files.writeString(recent, "{");
    Files.writeString(root.resolve("audit.jsonl"), "{\"time\":\"2026-01-01T00:00:00Z\",\"act",
        StandardOpenOption.APPEND);

    try (FileModelRegistry r = open(root)) {
      assertThat(leftover).doesNotExist();
      assertThat(recent).as("its writer may be alive: it holds no lock to tell").exists();
      assertThat(r.history("churn")).extracting(RegistryEvent::kind).containsExactly(RegistryEvent.Kind.REGISTERED);
      assertThat(r.register("churn", "bytes", bytes("b"), Registration.none()).version()).isEqualTo(2);
      assertThat(Files.readString(root.resolve("audit.jsonl"))).endsWith("\n").doesNotContain("\"act{");
      assertThat(r.history("churn")).hasSize(2);
    }
  }

  @Test
  void aBlobWrittenByAWriterThatDiedBeforeItsManifest_isInvisibleAndCollected() throws IOException {
    Path root = dir.resolve("reg");
    try (FileModelRegistry r = open(root)) {
      r.register("churn", "bytes", bytes("kept"), Registration.none());
    }
    String orphan = "ab" + "0".repeat(62);
    Path blob = Files.createDirectories(root.resolve("blobs/sha256/ab")).resolve(orphan);
    Files.writeString(blob, "bytes of a version that never got its manifest");

    try (FileModelRegistry r = open(root)) {
      assertThat(r.versions("churn")).hasSize(1);
      assertThat(r.gcPreview().unreferenced()).containsExactly("sha256:" + orphan);
      assertThat(r.gc().bytes()).isEqualTo(46);
      assertThat(blob).doesNotExist();
      assertThat(r.loadArtifact(ModelRef.parse("churn/1"))).isEqualTo(bytes("kept"));
      assertThat(r.register("churn", "bytes", bytes("next"), Registration.none()).version()).isEqualTo(2);
    }
  }

  @Test
  void open_completesAuditEntriesAWriterDiedBeforeAppending() throws IOException {
    Path root = dir.resolve("reg");
    try (FileModelRegistry r = open(root)) {
      r.register("churn", "bytes", bytes("a"), Registration.none());
      r.register("churn", "bytes", bytes("b"), Registration.none());
      r.setAlias(ModelRef.version("churn", 1), "champion");
      r.setAlias(ModelRef.version("churn", 2), "staging");
    }
    // as if the writer of version 2 and of both alias moves died after its file, before its audit line
    Path audit = root.resolve("audit.jsonl");
    List<String> lines = Files.readAllLines(audit);
    Files.write(audit, lines.subList(0, 1));
    Files.writeString(root.resolve("models/churn/aliases.json"), "{\"formatVersion\":1,\"aliases\":{\"champion\":2}}");

    try (FileModelRegistry r = open(root)) {
      List<RegistryEvent> h = r.history("churn");
      assertThat(h).extracting(RegistryEvent::kind).containsExactly(RegistryEvent.Kind.REGISTERED,
          RegistryEvent.Kind.REGISTERED, RegistryEvent.Kind.ALIAS_SET);
      assertThat(h.subList(1, 3)).allSatisfy(e -> assertThat(e.actor()).isEqualTo(StoreRegistry.RECOVERY_ACTOR));
      assertThat(h.get(1).version().number()).isEqualTo(2);
      assertThat(h.get(1).change().after()).contains(r.get(ModelRef.parse("churn/2")).artifact().digest());
      assertThat(h.get(2).key()).contains("champion");
      assertThat(h.get(2).change().after()).contains("2");
    }
    try (FileModelRegistry r = open(root)) {
      assertThat(r.history("churn")).as("completed once, not on every open").hasSize(3);
    }
  }

  @Test
  void aCorruptedBlob_isDetectedOnLoadNamingItsPath() throws IOException {
    try (FileModelRegistry r = open(dir.resolve("reg"))) {
      ModelVersion v = r.register("churn", "bytes", bytes("pristine model"), Registration.none());
      Path blob = blob(r, v);
      byte[] flipped = Files.readAllBytes(blob);
      flipped[3] ^= 1;
      Files.write(blob, flipped);

      assertThatThrownBy(() -> r.loadArtifact(v.ref()))
          .isInstanceOfSatisfying(IntegrityException.class, e -> {
            assertThat(e.location()).isEqualTo(blob.toString());
            assertThat(e.expected()).startsWith(v.artifact().digest());
            assertThat(e.actual()).doesNotStartWith(v.artifact().digest());
          })
          .hasMessageContaining(blob.toString());

      Files.delete(blob);
      assertThatThrownBy(() -> r.loadArtifact(v.ref())).isInstanceOf(IntegrityException.class)
          .hasMessageContaining("missing");
    }
  }

  private static Path blob(FileModelRegistry r, String hex) {
    return r.root().resolve("blobs/sha256/" + hex.substring(0, 2) + "/" + hex);
  }

  /** A manifest exactly as written before attachments existed (formatVersion 1, no "attachments"). */
  private static String manifestWithoutAttachments(String digest, long size) {
    return """
        {
          "formatVersion" : 1,
          "name" : "churn",
          "version" : 1,
          "revision" : 1,
          "created" : "2026-01-01T00:00:00Z",
          "artifact" : {
            "digest" : "%s",
            "size" : %d,
            "type" : "bytes"
          },
          "lineage" : {
            "trainingData" : "",
            "parentVersion" : 0,
            "source" : ""
          },
          "tags" : {
            "team" : "risk"
          },
          "metrics" : { },
          "metadata" : { }
        }
        """.formatted(digest, size);
  }

  @Test
  void aManifestWrittenBeforeAttachmentsExisted_readsAsHavingNone() throws IOException {
    Path root = dir.resolve("reg");
    Path manifest = root.resolve("models/churn/versions/1.json");
    ModelVersion registered;
    try (FileModelRegistry r = open(root)) {
      registered = r.register("churn", "bytes", bytes("old model"), Registration.builder().tag("team", "risk").build());
      assertThat(Files.readString(manifest)).as("no attachments, no new field").doesNotContain("attachments");
    }
    Files.writeString(manifest, manifestWithoutAttachments(registered.artifact().digest(), 9));

    try (FileModelRegistry r = open(root)) {
      ModelVersion v = r.get(ModelRef.parse("churn/1"));
      assertThat(v.attachments()).isEmpty();
      assertThat(v.tags()).containsEntry("team", "risk");
      assertThat(r.loadArtifact(v.ref())).isEqualTo(bytes("old model"));
      assertThatThrownBy(() -> r.loadAttachment(v.ref(), "onnx")).isInstanceOf(NoSuchElementException.class)
          .hasMessage("model version churn/1 has no attachment 'onnx'; it has none");
      r.setTag(ModelRef.version("churn", 1), "stage", "prod");
      assertThat(Files.readString(manifest)).doesNotContain("attachments");
      assertThat(r.get(v.ref()).tags()).containsEntry("stage", "prod");
      assertThat(r.gc().unreferenced()).isEmpty();
    }
  }

  @Test
  void attachments_areRecordedInTheManifestAndSurviveReopening() throws IOException {
    Path root = dir.resolve("reg");
    ModelVersion v;
    try (FileModelRegistry r = open(root)) {
      v = r.register("churn", "bytes", bytes("model"), Registration.builder()
          .attachment("onnx", "onnx", bytes("onnx graph")).build());
    }
    JsonNode json = new ObjectMapper().readTree(root.resolve("models/churn/versions/1.json").toFile());
    assertThat(json.get("formatVersion").asInt()).isEqualTo(1);
    assertThat(json.at("/attachments/onnx/digest").asText()).isEqualTo(v.attachments().get("onnx").digest());
    assertThat(json.at("/attachments/onnx/size").asLong()).isEqualTo(10);
    assertThat(json.at("/attachments/onnx/type").asText()).isEqualTo("onnx");
    try (FileModelRegistry r = open(root)) {
      assertThat(r.get(v.ref())).isEqualTo(v);
      assertThat(r.loadAttachment(v.ref(), "onnx")).isEqualTo(bytes("onnx graph"));
      assertThat(blob(r, v.attachments().get("onnx").hex())).exists();
    }
  }

  @Test
  void aCorruptedAttachmentBlob_isDetectedOnLoadNamingItsPath() throws IOException {
    try (FileModelRegistry r = open(dir.resolve("reg"))) {
      ModelVersion v = r.register("churn", "bytes", bytes("model"), Registration.builder()
          .attachment("onnx", "onnx", bytes("pristine onnx")).build());
      String digest = v.attachments().get("onnx").digest();
      Path blob = blob(r, v.attachments().get("onnx").hex());
      byte[] flipped = Files.readAllBytes(blob);
      flipped[3] ^= 1;
      Files.write(blob, flipped);

      assertThatThrownBy(() -> r.loadAttachment(v.ref(), "onnx"))
          .isInstanceOfSatisfying(IntegrityException.class, e -> {
            assertThat(e.location()).isEqualTo(blob.toString());
            assertThat(e.expected()).isEqualTo(digest + " (13 bytes)");
            assertThat(e.actual()).doesNotStartWith(digest).endsWith("(13 bytes)");
          })
          .hasMessageContaining(blob.toString());
      assertThat(r.loadArtifact(v.ref())).isEqualTo(bytes("model"));

      Files.delete(blob);
      assertThatThrownBy(() -> r.loadAttachment(v.ref(), "onnx")).isInstanceOf(IntegrityException.class)
          .hasMessageContaining("missing").hasMessageContaining(blob.toString());
    }
  }

  @Test
  void aMalformedAttachmentEntry_isReportedWithItsPathInTheManifest() throws IOException {
    try (FileModelRegistry r = open(dir.resolve("reg"))) {
      ModelVersion v = r.register("churn", "bytes", bytes("model"), Registration.none());
      Path manifest = r.root().resolve("models/churn/versions/1.json");
      String good = manifestWithoutAttachments(v.artifact().digest(), 5);
      String withAttachments = good.replace("\"tags\"", "\"attachments\" : %s,\n  \"tags\"");

      Files.writeString(manifest, withAttachments.formatted("{ \"onnx\" : { \"digest\" : \"md5:1\", \"size\" : 1, "
          + "\"type\" : \"onnx\" } }"));
      assertThatThrownBy(() -> r.get(v.ref())).isInstanceOf(MalformedDataException.class)
          .hasMessageContaining(manifest.toString()).hasMessageContaining("$.attachments.onnx")
          .hasMessageContaining("sha256:");

      Files.writeString(manifest, withAttachments.formatted("[ ]"));
      assertThatThrownBy(() -> r.get(v.ref())).isInstanceOf(MalformedDataException.class)
          .hasMessageContaining("$.attachments").hasMessageContaining("expected an object");

      Files.writeString(manifest, withAttachments.formatted("{ \"onnx\" : { \"digest\" : \"" + v.artifact().digest()
          + "\", \"type\" : \"onnx\" } }"));
      assertThatThrownBy(() -> r.get(v.ref())).isInstanceOf(MalformedDataException.class)
          .hasMessageContaining("$.attachments.onnx.size").hasMessageContaining("missing");

      Files.writeString(manifest, withAttachments.formatted("{ \"../x\" : { \"digest\" : \"" + v.artifact().digest()
          + "\", \"size\" : 5, \"type\" : \"onnx\" } }"));
      assertThatThrownBy(() -> r.get(v.ref())).isInstanceOf(MalformedDataException.class)
          .hasMessageContaining("attachment name");
    }
  }

  @Test
  void aTruncatedManifest_isReportedWithItsPath() throws IOException {
    try (FileModelRegistry r = open(dir.resolve("reg"))) {
      r.register("churn", "bytes", bytes("a"), Registration.builder().metadata("k", "v").build());
      Path manifest = r.root().resolve("models/churn/versions/1.json");
      byte[] full = Files.readAllBytes(manifest);
      Files.write(manifest, Arrays.copyOf(full, full.length / 2));

      assertThatThrownBy(() -> r.get(ModelRef.parse("churn/1")))
          .isInstanceOf(MalformedDataException.class)
          .hasMessageContaining(manifest.toString())
          .hasMessageContaining("truncated or corrupted");
      assertThat(r.versions("churn")).as("left out of listings, and logged").isEmpty();
    }
  }

  @Test
  void aManifestFromAnotherPlace_isRefusedNamingBoth() throws IOException {
    try (FileModelRegistry r = open(dir.resolve("reg"))) {
      r.register("churn", "bytes", bytes("a"), Registration.none());
      r.register("churn", "bytes", bytes("b"), Registration.none());
      Path versions = r.root().resolve("models/churn/versions");
      Files.copy(versions.resolve("1.json"), versions.resolve("2.json"), StandardCopyOption.REPLACE_EXISTING);
      assertThatThrownBy(() -> r.get(ModelRef.parse("churn/2"))).isInstanceOf(MalformedDataException.class)
          .hasMessageContaining("manifest records churn/1 but is stored as churn/2");
    }
  }

  @Test
  void registryFiles_areReadableByTheOwnerOnly() throws IOException {
    Path root = dir.resolve("reg");
    try (FileModelRegistry r = open(root)) {
      if (!root.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        return;
      }
      ModelVersion v = r.register("churn", "bytes", bytes("a"), Registration.none());
      r.setAlias(ModelRef.version("churn", 1), "champion");
      List<Path> files;
      try (Stream<Path> all = Files.walk(r.root())) {
        files = all.toList();
      }
      assertThat(files).contains(blob(r, v), r.root().resolve("audit.jsonl"),
          r.root().resolve("models/churn/aliases.json"));
      for (Path p : files) {
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
        assertThat(perms).as(p.toString()).doesNotContain(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);
      }
    }
  }

  @Test
  void registrySources_neverUseJavaDeserialization() throws IOException {
    List<Path> roots = List.of(Path.of("src/main/java/dev/mlops/core/registry"),
        Path.of("../mlops-api/src/main/java/dev/mlops/api/registry"));
    for (Path root : roots) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          assertThat(Files.readString(f)).as(f.toString()).doesNotContain("ObjectInputStream", "readObject(");
        }
      }
    }
  }
}
