package dev.mlops.core.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.api.data.NumericColumn;
import dev.mlops.api.data.Table;
import dev.mlops.api.profile.NumericProfile;
import dev.mlops.core.data.Columns;
import dev.mlops.core.data.NumericColumnBuilder;
import dev.mlops.core.data.Tables;
import dev.mlops.core.data.TimestampColumnBuilder;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.assertj.core.api.Assertions;

/** The numeric scan gives the same profile whatever holds the values: an array, another column, timestamps. */
class ProfileScanTest {
  private static final int N = 10_000; // more than one chunk of a column without a backing array

  /** A numeric column with no backing array, read through {@code getDouble} and {@code copyTo}. */
  private record ViewColumn(NumericColumn of) implements NumericColumn {
    @Override
    public String name() {
      return of.name();
    }

    @Override
    public int size() {
      return of.size();
    }

    @Override
    public boolean isNull(int row) {
      return of.isNull(row);
    }

    @Override
    public int nullCount() {
      return of.nullCount();
    }

    @Override
    public double getDouble(int row) {
      return of.getDouble(row);
    }

    @Override
    public boolean isIntegral() {
      return of.isIntegral();
    }
  }

  @Test
  void aColumnWithoutABackingArrayProfilesExactlyLikeOneWithIt() {
    SplittableRandom r = new SplittableRandom(3);
    NumericColumnBuilder b = Columns.numericBuilder("x", N);
    for (int i = 0; i < N; i++) {
      int roll = r.nextInt(50);
      if (roll == 0) {
        b.addNull();
      } else if (roll == 1) {
        b.add(Double.NaN);
      } else if (roll == 2) {
        b.add(Double.NEGATIVE_INFINITY);
      } else {
        b.add(r.nextGaussian());
      }
    }
    NumericColumn column = b.build();
    Table array = Tables.builder().add(column).build();
    Table view = Tables.builder().add(new ViewColumn(column)).build();

    NumericProfile a = (NumericProfile) Profiles.of(array).column("x");
    NumericProfile v = (NumericProfile) Profiles.of(view).column("x");

    assertThat(a.nullCount()).isEqualTo(column.nullCount()).isPositive();
    assertThat(a.nanCount()).isPositive();
    assertThat(a.infiniteCount()).isPositive();
    assertThat(a.finiteCount() + a.nanCount() + a.infiniteCount() + a.nullCount()).isEqualTo(N);
    assertThat(v.nullCount()).isEqualTo(a.nullCount());
    assertThat(v.nanCount()).isEqualTo(a.nanCount());
    assertThat(v.infiniteCount()).isEqualTo(a.infiniteCount());
    assertThat(v.finiteCount()).isEqualTo(a.finiteCount());
    assertThat(v.mean()).isEqualTo(a.mean());
    assertThat(v.variance()).isEqualTo(a.variance());
    assertThat(v.min()).isEqualTo(a.min());
    assertThat(v.max()).isEqualTo(a.max());
  }

  @Test
  void timestampColumnsProfileTheirEpochMicrosAndCountNullsNotNaN() {
    TimestampColumnBuilder b = Columns.timestampBuilder("t", N);
    long offsets = 0; // exact, unlike a double sum of epoch micros
    long values = 0;
    for (int i = 0; i < N; i++) {
      if (i % 7 == 0) {
        b.addNull();
      } else {
        long micros = 1_700_000_000_000_000L + i * 1_000_000L;
        b.addEpochMicros(micros);
        offsets += micros - 1_700_000_000_000_000L;
        values++;
      }
    }

    NumericProfile p = (NumericProfile) Profiles.of(Tables.builder().add(b.build()).build()).column("t");

    assertThat(p.nullCount()).isEqualTo(N / 7 + 1);
    assertThat(p.nanCount()).isZero();
    assertThat(p.finiteCount()).isEqualTo(values);
    assertThat(p.min()).isEqualTo(1_700_000_000_000_000L + 1_000_000L);
    assertThat(p.max()).isEqualTo(1_700_000_000_000_000L + (N - 1) * 1_000_000L);
    double mean = 1_700_000_000_000_000L + (double) offsets / values;
    assertThat(p.mean()).isCloseTo(mean, Assertions.within(mean * 1e-14));
  }
}
