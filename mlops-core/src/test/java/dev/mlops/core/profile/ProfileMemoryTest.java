package dev.mlops.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.api.data.ColumnType;
import dev.mlops.api.profile.TableProfile;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.datasketches.kll.KllSketch;
import org.junit.jupiter.api.Test;

/**
 * What one numeric column's profile costs in memory, measured as the sketch's serialized sizes:
 * bounded by a few KB whatever the stream length.
 */
class ProfileMemoryTest {

  private static NumericColumnProfile profileOf(long values, long seed) {
    Profiles.NumericScan scan = new Profiles.NumericScan();
    SplittableRandom r = new SplittableRandom(seed);
    double[] chunk = new double[Profiles.NumericScan.CHUNK];
    for (long done = 0; done < values; done += chunk.length) {
      int len = (int) Math.min(chunk.length, values - done);
      for (int i = 0; i < len; i++) {
        chunk[i] = r.nextGaussian() * 50 + 1000;
      }
      scan.add(chunk, 0, len);
    }
    return new NumericColumnProfile("x", ColumnType.NUMERIC, values, 0, scan.nanOrNull, scan.infinities,
        scan.finite, scan.mean, scan.m2, scan.min, scan.max, scan.sketch);
  }

  @Test
  void aNumericProfileStaysAFewKilobytesWhateverTheStreamLength() {
    NumericColumnProfile million = profileOf(1_000_000, 1);
    NumericColumnProfile tenMillion = profileOf(10_000_000, 2);
    int updatable = KllSketch.getMaxSerializedSizeBytes(NumericColumnProfile.K, 10_000_000L,
        KllSketch.SketchType.DOUBLES_SKETCH, true);
    int profileBytes = Profiles.toBytes(new Profiles.SimpleTableProfile(10_000_000, List.of(tenMillion))).length;
    int bound = KllSketch.getMaxSerializedSizeBytes(NumericColumnProfile.K, 1L << 62,
        KllSketch.SketchType.DOUBLES_SKETCH, true);
    System.out.printf("Numeric profile: compact sketch %d B after 1M values, %d B after 10M (updatable at most %d B);"
        + " binary profile %d B; updatable sketch at most %d B for 2^62 values%n", million.sketchBytes().length,
        tenMillion.sketchBytes().length, updatable, profileBytes, bound);

    assertThat(tenMillion.finiteCount()).isEqualTo(10_000_000);
    assertThat(tenMillion.mean()).isCloseTo(1000, within(0.1));
    assertThat(tenMillion.sketchBytes().length).isLessThan(8 * 1024);
    assertThat(tenMillion.sketchBytes().length - million.sketchBytes().length).as("grows with log n").isLessThan(1024);
    assertThat(updatable).isLessThan(8 * 1024);
    assertThat(profileBytes).isLessThan(8 * 1024);
    assertThat(bound).isLessThan(16 * 1024);
  }
}
