package dev.mlops.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.api.common.Severity;
import dev.mlops.api.data.ColumnType;
import dev.mlops.api.data.MalformedDataException;
import dev.mlops.api.schema.FieldConstraint;
import dev.mlops.api.schema.FieldSpec;
import dev.mlops.api.schema.Schema;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** YAML schema files: aliases refused with their location, duplicate keys, and files of any size write produces (issue 13, 9 and 11). */
class SchemaYamlTest {
  @TempDir Path dir;

  @Test
  void aliasOfAName_isRefusedWithItsLocation_neverReadAsTheName() {
    // Before: the second field was named "nm", the alias's own name.
    String yaml = """
        formatVersion: 1
        fields:
          - {name: &nm age, type: NUMERIC}
          - {name: *nm, type: NUMERIC}
        """;
    assertThatThrownBy(() -> Schemas.fromYaml(yaml)).isInstanceOfSatisfying(MalformedDataException.class, e -> {
      assertThat(e).hasMessageContaining("alias *nm is not supported");
      assertThat(e.line()).isEqualTo(OptionalLong.of(4));
      assertThat(e.column()).isEqualTo(OptionalInt.of(12));
    });
  }

  @Test
  void aliasOfAType_orAConstraintList_orAMergeKey_isRefused() {
    // Before: an anchor named BOOLEAN on the value CATEGORICAL made the second field BOOLEAN.
    for (String second : new String[] {"{name: b, type: *BOOLEAN}", "{name: b, type: NUMERIC, constraints: *c}",
        "{<<: *base, name: b}"}) {
      String yaml = "formatVersion: 1\nfields:\n  - &base {name: a, type: &BOOLEAN CATEGORICAL, constraints: &c []}\n  - "
          + second + "\n";
      assertThatThrownBy(() -> Schemas.fromYaml(yaml)).as(second).isInstanceOfSatisfying(MalformedDataException.class,
          e -> {
            assertThat(e).hasMessageContaining("is not supported in schema files");
            assertThat(e.line()).isEqualTo(OptionalLong.of(4));
          });
    }
  }

  @Test
  void anchorsWithoutAliases_areHarmless() {
    Schema s = Schemas.fromYaml("formatVersion: 1\nfields:\n  - &f {name: &n a, type: NUMERIC}\n");
    assertThat(s.field("a").type()).isEqualTo(ColumnType.NUMERIC);
  }

  @Test
  void billionLaughs_isRefusedAtItsFirstAlias() {
    StringBuilder yaml = new StringBuilder("formatVersion: 1\nfields: []\ntableConstraints:\n");
    yaml.append("  - kind: uniqueTogether\n    fields: &l0 [a, a, a, a, a, a, a, a, a, a]\n");
    for (int level = 1; level <= 9; level++) {
      yaml.append("  - kind: uniqueTogether\n    fields: &l").append(level).append(" [");
      for (int i = 0; i < 10; i++) {
        yaml.append(i == 0 ? "" : ", ").append("*l").append(level - 1);
      }
      yaml.append("]\n");
    }
    long start = System.nanoTime();
    assertThatThrownBy(() -> Schemas.fromYaml(yaml.toString())).isInstanceOfSatisfying(MalformedDataException.class, e -> {
      assertThat(e).hasMessageContaining("alias *l0");
      assertThat(e.line()).isEqualTo(OptionalLong.of(7));
    });
    assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
  }

  @Test
  void duplicateKey_isRejectedWithItsLocation() {
    String yaml = "formatVersion: 1\nfields: []\nfields: []\n";
    assertThatThrownBy(() -> Schemas.fromYaml(yaml)).isInstanceOfSatisfying(MalformedDataException.class, e -> {
      assertThat(e).hasMessageContaining("duplicate key 'fields'");
      assertThat(e.line()).isEqualTo(OptionalLong.of(3));
    });
  }

  @Test
  @Tag("slow")
  void yamlOver3MegabytesThatWriteProduces_isReadBack() throws IOException {
    Schema.Builder b = Schema.builder();
    for (int i = 0; i < 40_000; i++) {
      b.field(FieldSpec.builder("column_with_a_long_name_" + i, ColumnType.NUMERIC)
          .add(new FieldConstraint.Range(0, true, i, true, Severity.ERROR)).build());
    }
    Schema big = b.build();
    Path file = dir.resolve("big.yaml");

    Schemas.write(big, file);

    assertThat(Files.size(file)).isGreaterThan(3L * 1024 * 1024);
    assertThat(Schemas.read(file)).isEqualTo(big);
  }

  @Test
  void yamlAboveTheDocumentedLimit_isRefusedClearly() {
    String huge = "formatVersion: 1\nname: " + "x".repeat(SchemaFiles.MAX_YAML_CODE_POINTS) + "\nfields: []\n";
    assertThatThrownBy(() -> Schemas.fromYaml(huge)).isInstanceOf(MalformedDataException.class)
        .hasMessageContaining("above the limit of " + SchemaFiles.MAX_YAML_CODE_POINTS);
  }

  @Test
  void yamlFileThatCannotFitTheLimit_isRefusedBeforeReading() throws IOException {
    Path file = dir.resolve("huge.yaml");
    try (var channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE, StandardOpenOption.SPARSE)) {
      channel.write(ByteBuffer.wrap(new byte[] {'\n'}), 4L * SchemaFiles.MAX_YAML_CODE_POINTS + 1);
    }
    assertThatThrownBy(() -> Schemas.read(file)).isInstanceOf(MalformedDataException.class)
        .hasMessageContaining("huge.yaml").hasMessageContaining("above the limit");
  }
}
