package dev.mlops.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.api.data.MalformedDataException;
import dev.mlops.api.registry.ModelRef;
import dev.mlops.api.registry.Registration;
import dev.mlops.api.registry.RegistryOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, finding 6, for the registry's records: a manifest, alias file or marker with content
 * after the document, a key given twice, or a number that only narrows to a valid int
 * (4294967297 has the low 32 bits of 1) is refused naming the file and the JSON path.
 */
class RegistryStrictJsonTest {
  @TempDir Path dir;

  private FileModelRegistry open() {
    return (FileModelRegistry) Registries.open(dir.resolve("reg"),
        RegistryOptions.builder().durability(RegistryOptions.Durability.SURVIVES_PROCESS_CRASH).build());
  }

  private static void rewrite(Path file, String from, String to) throws IOException {
    String text = Files.readString(file);
    assertThat(text).contains(from);
    Files.writeString(file, text.replace(from, to));
  }

  @Test
  void aManifestWithTrailingContentADuplicateKeyOrANarrowingNumber_isRefused() throws IOException {
    try (FileModelRegistry r = open()) {
      r.register("churn", "bytes", "a".getBytes(StandardCharsets.UTF_8), Registration.builder().tag("k", "v").build());
      Path manifest = r.root().resolve("models/churn/versions/1.json");
      byte[] good = Files.readAllBytes(manifest);
      ModelRef one = ModelRef.version("churn", 1);

      Files.writeString(manifest, new String(good, StandardCharsets.UTF_8) + "{\"formatVersion\": 1}");
      assertThatThrownBy(() -> r.get(one)).isInstanceOf(MalformedDataException.class)
          .hasMessageContaining(manifest.toString()).hasMessageContaining("Trailing token");

      Files.write(manifest, good);
      rewrite(manifest, "\"tags\" : {", "\"tags\" : { \"k\" : \"first\",");
      assertThatThrownBy(() -> r.get(one)).isInstanceOf(MalformedDataException.class)
          .hasMessageContaining(manifest.toString()).hasMessageContaining("$.tags.k: Duplicate field 'k'");

      for (String[] change : new String[][] {{"\"formatVersion\" : 1", "\"formatVersion\" : 4294967297"},
          {"\"revision\" : 1", "\"revision\" : 4294967297"}, {"\"parentVersion\" : 0", "\"parentVersion\" : 4294967296"}}) {
        Files.write(manifest, good);
        rewrite(manifest, change[0], change[1]);
        String key = change[0].substring(1, change[0].indexOf('"', 1));
        assertThatThrownBy(() -> r.get(one)).as(change[1]).isInstanceOf(MalformedDataException.class)
            .hasMessageContaining("." + key).hasMessageContaining(change[1].substring(change[1].lastIndexOf(' ') + 1));
      }
      Files.write(manifest, good);
      assertThat(r.get(one).tags()).containsEntry("k", "v");
    }
  }

  @Test
  void anAliasFileOrMarkerWithANarrowingNumberOrADuplicateKey_isRefused() throws IOException {
    Path aliases;
    try (FileModelRegistry r = open()) {
      r.register("churn", "bytes", "a".getBytes(StandardCharsets.UTF_8), Registration.none());
      r.setAlias(ModelRef.version("churn", 1), "champion");
      aliases = r.root().resolve("models/churn/aliases.json");
      byte[] good = Files.readAllBytes(aliases);

      rewrite(aliases, "\"champion\" : 1", "\"champion\" : 4294967297");
      assertThatThrownBy(() -> r.resolve(ModelRef.alias("churn", "champion"))).isInstanceOf(MalformedDataException.class)
          .hasMessageContaining(aliases.toString())
          .hasMessageContaining("$.aliases.champion: expected a version number from 1 to 2147483647, found number "
              + "4294967297");

      Files.write(aliases, good);
      rewrite(aliases, "\"champion\" : 1", "\"champion\" : 1, \"champion\" : 2");
      assertThatThrownBy(() -> r.resolve(ModelRef.alias("churn", "champion"))).isInstanceOf(MalformedDataException.class)
          .hasMessageContaining("$.aliases.champion: Duplicate field 'champion'");
      Files.write(aliases, good);
    }
    Path marker = dir.resolve("reg/registry.json");
    rewrite(marker, "\"formatVersion\":1", "\"formatVersion\":4294967297");
    assertThatThrownBy(this::open).isInstanceOf(MalformedDataException.class)
        .hasMessageContaining("registry.json").hasMessageContaining("$.formatVersion: unsupported formatVersion 4294967297");
    rewrite(marker, "\"formatVersion\":4294967297", "\"formatVersion\":1");
    Files.writeString(marker, Files.readString(marker) + "x");
    assertThatThrownBy(this::open).isInstanceOf(MalformedDataException.class).hasMessageContaining("registry.json");
  }
}
