package dev.mlops.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.api.data.ColumnType;
import dev.mlops.api.data.MalformedDataException;
import dev.mlops.api.data.Table;
import dev.mlops.api.profile.TableProfile;
import dev.mlops.api.schema.Schema;
import dev.mlops.core.data.Tables;
import dev.mlops.core.profile.Profiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MlopsJsonTest {
  @TempDir Path dir;

  private static Table table() {
    return Tables.builder().numeric("x", 1, 2, 3, 4).categorical("c", "a", "b", "a", "é\u0000\"").build();
  }

  @Test
  void profile_roundTripsThroughAFileAndLeavesNoTemporaryFile() throws IOException {
    TableProfile profile = Profiles.of(table());
    Path file = dir.resolve("profile.json");

    MlopsJson.write(profile, file);
    TableProfile back = MlopsJson.read(file, TableProfile.class);

    assertThat(MlopsJson.toJson(back)).isEqualTo(Files.readString(file));
    assertThat(back.rowCount()).isEqualTo(4);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void schema_roundTrips() {
    Schema schema = Schema.builder().field("x", ColumnType.NUMERIC, f -> f.between(0, 10)).build();

    assertThat(MlopsJson.fromJson(MlopsJson.toJson(schema), Schema.class)).isEqualTo(schema);
  }

  @Test
  void unsupportedType_isRefusedNamingTheSupportedOnes() {
    assertThatThrownBy(() -> MlopsJson.toJson("text"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("no JSON form for java.lang.String; supported: ")
        .hasMessageContaining("TableProfile");
    assertThatThrownBy(() -> MlopsJson.fromJson("{}", Integer.class))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MlopsJson.toJson(null)).isInstanceOf(NullPointerException.class).hasMessage("value");
  }

  @Test
  void unreadableFiles_nameTheFileAndTheProblem() throws IOException {
    Path notJson = dir.resolve("bad.json");
    Files.writeString(notJson, "{\n\"formatVersion\": 1,\n oops");
    Path notUtf8 = dir.resolve("latin1.json");
    Files.write(notUtf8, new byte[] {'{', (byte) 0xE9, '}'});
    Path future = dir.resolve("future.json");
    Files.writeString(future, "{\"formatVersion\": 7}");
    Path array = dir.resolve("array.json");
    Files.writeString(array, "[1, 2]");

    assertThatThrownBy(() -> MlopsJson.read(notJson, TableProfile.class))
        .isInstanceOf(MalformedDataException.class).hasMessageStartingWith(notJson + ": line 3: not valid JSON");
    assertThatThrownBy(() -> MlopsJson.read(notUtf8, TableProfile.class))
        .isInstanceOf(MalformedDataException.class).hasMessageStartingWith(notUtf8 + ": not UTF-8 text");
    assertThatThrownBy(() -> MlopsJson.read(future, TableProfile.class))
        .hasMessage(future + ": $.formatVersion: this reader supports formatVersion 1, found number 7");
    assertThatThrownBy(() -> MlopsJson.read(array, TableProfile.class))
        .hasMessage(array + ": $: expected a JSON object");
  }

  @Test
  void aFailedWrite_leavesThePreviousFileWhole() throws IOException {
    Path file = dir.resolve("profile.json");
    MlopsJson.write(Profiles.of(table()), file);
    String before = Files.readString(file);

    assertThatThrownBy(() -> MlopsJson.write("not a result", file)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MlopsJson.write(Profiles.of(table()), dir.resolve("missing/profile.json")))
        .isInstanceOf(IOException.class);

    assertThat(Files.readString(file)).isEqualTo(before);
  }
}
