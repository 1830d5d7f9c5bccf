package dev.mlops.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.api.data.MalformedDataException;
import dev.mlops.api.profile.CategoricalProfile;
import dev.mlops.api.profile.NumericProfile;
import dev.mlops.api.profile.TableProfile;
import dev.mlops.core.json.MlopsJson;
import dev.mlops.core.data.Columns;
import dev.mlops.core.data.Tables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileCodecTest {

  private static TableProfile profile() {
    SplittableRandom r = new SplittableRandom(1);
    double[] x = new double[10_000];
    String[] k = new String[10_000];
    for (int i = 0; i < x.length; i++) {
      x[i] = r.nextGaussian();
      k[i] = "v" + r.nextInt(30);
    }
    return Profiles.of(Tables.builder().numeric("x", x).categorical("k", k)
        .add(Columns.bool("b", new boolean[10_000]))
        .timestamp("t", new Instant[10_000]).build());
  }

  /** Same statistics; the frequent-items sketch may order its entries differently after a reload. */
  static void assertSameStatistics(TableProfile back, TableProfile p) {
    assertThat(back.rowCount()).isEqualTo(p.rowCount());
    for (var c : p.columns()) {
      var b = back.column(c.name());
      assertThat(b.type()).isEqualTo(c.type());
      assertThat(b.count()).isEqualTo(c.count());
      assertThat(b.nullCount()).isEqualTo(c.nullCount());
      if (c instanceof NumericProfile n) {
        NumericProfile m = (NumericProfile) b;
        assertThat((Double) m.mean()).isEqualTo((Double) n.mean());
        assertThat((Double) m.variance()).isEqualTo((Double) n.variance());
        assertThat(m.finiteCount()).isEqualTo(n.finiteCount());
        assertThat((Double) m.quantile(0.25)).isEqualTo((Double) n.quantile(0.25));
      } else {
        CategoricalProfile m = (CategoricalProfile) b;
        assertThat(m.frequentItems()).containsExactlyInAnyOrderElementsOf(((CategoricalProfile) c).frequentItems());
        assertThat(m.distinctEstimate()).isEqualTo(((CategoricalProfile) c).distinctEstimate());
      }
    }
  }

  @Test
  void binaryRoundTripKeepsTheStatistics() {
    TableProfile p = profile();

    byte[] bytes = Profiles.toBytes(p);
    TableProfile back = Profiles.fromBytes(bytes);

    assertSameStatistics(back, p);
    assertThat(Profiles.toBytes(back)).hasSameSizeAs(bytes);
    assertThat(((NumericProfile) back.column("x")).mean()).isEqualTo(((NumericProfile) p.column("x")).mean());
    assertThat(((NumericProfile) back.column("x")).quantile(0.9)).isEqualTo(((NumericProfile) p.column("x")).quantile(0.9));
    assertThat(back.column("t").nullCount()).isEqualTo(10_000);
    assertThat(bytes.length).as("compact: well under the 80 KB of raw doubles").isLessThan(20_000);
  }

  @Test
  void jsonRoundTripIsLosslessAndReadable() {
    TableProfile p = profile();

    String json = MlopsJson.toJson(p);
    TableProfile back = MlopsJson.fromJson(json, TableProfile.class);

    assertSameStatistics(back, p);
    assertThat(json).contains("\"formatVersion\" : 1").contains("\"distinctEstimate\"").contains("\"median\"");
  }

  @Test
  void corruptTruncatedAndForeignBytesAreClearErrors() {
    byte[] bytes = Profiles.toBytes(profile());

    assertThatThrownBy(() -> Profiles.fromBytes(Arrays.copyOf(bytes, bytes.length / 2)))
        .isInstanceOf(MalformedDataException.class).hasMessageContaining("corrupt or truncated profile");
    assertThatThrownBy(() -> Profiles.fromBytes("hello world".getBytes()))
        .hasMessage("<profile bytes>: not a profile: expected the magic bytes MLPF at the start");
    byte[] future = bytes.clone();
    future[7] = 9;
    assertThatThrownBy(() -> Profiles.fromBytes(future))
        .hasMessage("<profile bytes>: unsupported profile formatVersion 9; this version of mlops-java reads 1 and 2");
    assertThatThrownBy(() -> MlopsJson.fromJson("{\"formatVersion\": 2}", TableProfile.class))
        .hasMessage("<TableProfile json>: $.formatVersion: this reader supports formatVersion 1, found number 2");
  }

  @Test
  void binaryFile_roundTripsAndACorruptFileIsNamed(@TempDir Path dir) throws IOException {
    TableProfile p = profile();
    Path file = dir.resolve("reference.profile");
    Path corrupt = dir.resolve("corrupt.profile");
    Files.write(corrupt, new byte[] {1, 2, 3});

    Profiles.write(p, file);

    assertSameStatistics(Profiles.read(file), p);
    assertThatThrownBy(() -> Profiles.read(corrupt)).isInstanceOf(MalformedDataException.class)
        .hasMessageStartingWith(corrupt + ": ");
  }
}
