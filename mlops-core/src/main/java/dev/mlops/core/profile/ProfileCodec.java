package dev.mlops.core.profile;

import dev.mlops.api.data.ColumnType;
import dev.mlops.api.data.MalformedDataException;
import dev.mlops.api.profile.ColumnProfile;
import dev.mlops.api.profile.TableProfile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.zip.CRC32C;
import org.apache.datasketches.frequencies.ErrorType;
import org.apache.datasketches.frequencies.ItemsSketch;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;

/**
 * The binary form of a table profile, versioned and checksummed. Version 2: the magic {@code MLPF},
 * the format version, the row count, then per column its name, type, counts, moments and the
 * sketches' own serialised bytes, and last a CRC32C of every byte before it. Version 1 (written
 * before issue 13) is the same without the checksum and is still read.
 *
 * <p>Reading validates every field, whatever the version: each column counts every row, the parts of
 * a count add up, the moments and extremes are consistent, each sketch is well formed, holds exactly
 * the values counted and lies within the recorded extremes, and every length fits the bytes left.
 * Anything else is a {@link MalformedDataException} naming the column and the field; a checksum
 * mismatch (version 2) is reported before any field is read.
 */
final class ProfileCodec {
  static final int FORMAT_VERSION = 2;
  /** The first format version, without a checksum; still read. */
  static final int UNCHECKED_VERSION = 1;
  private static final int MAGIC = 0x4D4C5046; // "MLPF"
  /** The fewest bytes a column takes: two empty strings, two counts and a blob length. */
  private static final int MIN_COLUMN_BYTES = 2 + 2 + 8 + 8 + 4;

  private ProfileCodec() {}

  static byte[] toBytes(TableProfile profile) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeInt(FORMAT_VERSION);
      out.writeLong(profile.rowCount());
      out.writeInt(profile.columns().size());
      for (ColumnProfile c : profile.columns()) {
        out.writeUTF(c.name());
        out.writeUTF(c.type().name());
        out.writeLong(c.count());
        out.writeLong(c.nullCount());
        if (c instanceof NumericColumnProfile n) {
          out.writeLong(n.nans());
          out.writeLong(n.infiniteCount());
          out.writeLong(n.finiteCount());
          out.writeDouble(n.rawMean());
          out.writeDouble(n.m2());
          out.writeDouble(n.rawMin());
          out.writeDouble(n.rawMax());
          writeBlob(out, n.sketchBytes());
        } else {
          CategoricalColumnProfile k = (CategoricalColumnProfile) c;
          writeBlob(out, k.itemBytes());
          writeBlob(out, k.distinctBytes());
        }
      }
      out.flush();
      CRC32C crc = new CRC32C();
      crc.update(bytes.toByteArray());
      out.writeInt((int) crc.getValue());
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory failed", e);
    }
    return bytes.toByteArray();
  }

  private static void writeBlob(DataOutputStream out, byte[] blob) throws IOException {
    out.writeInt(blob.length);
    out.write(blob);
  }

  static TableProfile fromBytes(byte[] data, String source) {
    if (data.length < 8 || ByteBuffer.wrap(data).getInt(0) != MAGIC) {
      throw fail(source, "not a profile: expected the magic bytes MLPF at the start");
    }
    int version = ByteBuffer.wrap(data).getInt(4);
    int end;
    if (version == FORMAT_VERSION) {
      if (data.length < 12) {
        throw fail(source, "corrupt or truncated profile: " + data.length + " bytes, too short for a checksum");
      }
      end = data.length - 4;
      CRC32C crc = new CRC32C();
      crc.update(data, 0, end);
      int stored = ByteBuffer.wrap(data).getInt(end);
      if (stored != (int) crc.getValue()) {
        throw fail(source, "corrupt or truncated profile: CRC32C checksum mismatch (stored " + Integer.toHexString(stored)
            + ", computed " + Integer.toHexString((int) crc.getValue()) + ")");
      }
    } else if (version == UNCHECKED_VERSION) {
      end = data.length;
    } else {
      throw fail(source, "unsupported profile formatVersion " + version + "; this version of mlops-java reads "
          + UNCHECKED_VERSION + " and " + FORMAT_VERSION);
    }
    Fields in = new Fields(new DataInputStream(new ByteArrayInputStream(data, 8, end - 8)), source);
    try {
      return in.table();
    } catch (EOFException e) {
      throw in.fail("corrupt or truncated profile: the bytes end inside " + in.at, e);
    } catch (IOException e) {
      throw in.fail("corrupt profile: " + e.getMessage() + " (in " + in.at + ")", e);
    }
  }

  /** Reads and validates the fields after the version, naming the field being read in any error. */
  private static final class Fields {
    private final DataInputStream in;
    private final String source;
    private String at = "the row count";

    Fields(DataInputStream in, String source) {
      this.in = in;
      this.source = source;
    }

    TableProfile table() throws IOException {
      long rows = in.readLong();
      check(rows >= 0, "rowCount " + rows + " is negative");
      at = "the column count";
      int columns = in.readInt();
      check(columns >= 0 && columns <= in.available() / MIN_COLUMN_BYTES,
          columns + " columns cannot fit in the " + in.available() + " bytes left");
      List<ColumnProfile> out = new ArrayList<>(columns);
      Set<String> names = new HashSet<>();
      for (int i = 0; i < columns; i++) {
        at = "the name of column " + i;
        String name = in.readUTF();
        check(names.add(name), "column " + i + " repeats the name '" + name + "'");
        out.add(column(name, rows));
      }
      check(in.available() == 0, in.available() + " bytes after the last column");
      return new Profiles.SimpleTableProfile(rows, out);
    }

    private ColumnProfile column(String name, long rows) throws IOException {
      at = "column '" + name + "' type";
      String typeName = in.readUTF();
      ColumnType type = Arrays.stream(ColumnType.values()).filter(t -> t.name().equals(typeName)).findFirst()
          .orElseThrow(() -> fail("column '" + name + "': unknown type '" + typeName + "'; expected one of "
              + Arrays.toString(ColumnType.values()), null));
      at = "column '" + name + "' counts";
      long count = in.readLong();
      long nulls = in.readLong();
      check(count == rows, "column '" + name + "': count " + count + " differs from rowCount " + rows);
      check(nulls >= 0 && nulls <= count, "column '" + name + "': nullCount " + nulls + " is outside [0, " + count + "]");
      if (type.isNumeric() || type == ColumnType.TIMESTAMP) {
        return numeric(name, type, count, nulls);
      }
      at = "column '" + name + "' frequent items";
      byte[] itemBytes = blob();
      at = "column '" + name + "' distinct-count sketch";
      byte[] distinctBytes = blob();
      checkItemsLayout(name, itemBytes);
      check(distinctBytes.length >= 8 && distinctBytes[3] == CategoricalColumnProfile.LG_K, "column '" + name
          + "': distinct-count sketch header is not that of an lgK " + CategoricalColumnProfile.LG_K + " HLL sketch");
      ItemsSketch<String> items = sketch(name, "frequent-items", () -> ItemsSketch.getInstance(Memory.wrap(itemBytes),
          CategoricalColumnProfile.serde()));
      HllSketch distinct = sketch(name, "distinct-count", () -> HllSketch.heapify(distinctBytes));
      long nonNull = count - nulls;
      check(items.getStreamLength() == nonNull, "column '" + name + "': the frequent-items sketch counts "
          + items.getStreamLength() + " values, the column " + nonNull);
      check(items.getMaximumError() >= 0, "column '" + name + "': negative frequent-items error");
      // A sketch that has seen values keeps some (a purge keeps about half); one with none would be
      // written back as an empty sketch that had seen nothing, so the profile would not read again.
      check(items.getNumActiveItems() > 0 || nonNull == 0, "column '" + name + "': the frequent-items sketch"
          + " holds no item for " + nonNull + " values");
      long sum = 0;
      for (ItemsSketch.Row<String> row : sketch(name, "frequent-items",
          () -> items.getFrequentItems(0, ErrorType.NO_FALSE_NEGATIVES))) {
        check(row.getLowerBound() >= 0 && row.getEstimate() <= nonNull + items.getMaximumError(),
            "column '" + name + "': frequent item count " + row.getEstimate() + " is outside [0, " + nonNull + "]");
        sum += row.getLowerBound();
        check(sum <= nonNull, "column '" + name + "': frequent item counts add up to more than " + nonNull);
      }
      check(items.getMaximumError() > 0 || sum == nonNull, "column '" + name + "': frequent item counts add up to "
          + sum + ", not " + nonNull);
      check(distinct.getLgConfigK() == CategoricalColumnProfile.LG_K, "column '" + name
          + "': distinct-count sketch has lgK " + distinct.getLgConfigK() + ", expected " + CategoricalColumnProfile.LG_K);
      double estimate = sketch(name, "distinct-count", distinct::getEstimate);
      check(estimate >= 0 && Double.isFinite(estimate) && (nonNull > 0 || distinct.isEmpty()),
          "column '" + name + "': distinct-count estimate " + estimate + " for " + nonNull + " values");
      return new CategoricalColumnProfile(name, type, count, nulls, items, distinct);
    }

    private NumericColumnProfile numeric(String name, ColumnType type, long count, long nulls) throws IOException {
      long nans = in.readLong();
      long inf = in.readLong();
      long finite = in.readLong();
      check(nans >= 0 && inf >= 0 && finite >= 0 && nans <= count && inf <= count && finite <= count
          && nulls + nans + inf + finite == count, "column '" + name + "': nulls " + nulls + " + NaN " + nans
          + " + infinite " + inf + " + finite " + finite + " do not add up to count " + count);
      at = "column '" + name + "' moments";
      double mean = in.readDouble();
      double m2 = in.readDouble();
      double min = in.readDouble();
      double max = in.readDouble();
      if (finite == 0) {
        check(mean == 0 && m2 == 0 && min == Double.POSITIVE_INFINITY && max == Double.NEGATIVE_INFINITY,
            "column '" + name + "': no finite value, yet mean " + mean + ", m2 " + m2 + ", min " + min + ", max " + max);
      } else {
        double range = max - min;
        double slack = 1e-9 * Math.max(Math.abs(min), Math.abs(max)) + 1e-6 * range;
        check(Double.isFinite(min) && Double.isFinite(max) && min <= max, "column '" + name + "': min " + min
            + " and max " + max + " are not finite and ordered");
        check(Double.isFinite(mean) && mean >= min - slack && mean <= max + slack, "column '" + name + "': mean "
            + mean + " is outside [min, max] = [" + min + ", " + max + "]");
        check(m2 >= 0 && m2 <= (range * range / 4 * finite) * (1 + 1e-9) + slack * slack * finite,
            "column '" + name + "': sum of squared deviations " + m2 + " is impossible for " + finite
            + " values in [" + min + ", " + max + "]");
      }
      at = "column '" + name + "' quantile sketch";
      byte[] bytes = blob();
      ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
      check(bytes.length >= 8 && header.getShort(4) == NumericColumnProfile.K && bytes[6] == 8, "column '" + name
          + "': quantile sketch header is not that of a k " + NumericColumnProfile.K + " KLL sketch");
      // Profiles write KLL's compact forms only: (preamble ints, serial version, flags) is (2, 1, empty),
      // (2, 2, single item) or (5, 1, none) with 1 to 61 levels. The updatable form (serial version 3)
      // carries its own levels array, from which DataSketches would size its arrays: refused here.
      boolean empty = bytes[0] == 2 && bytes[1] == 1 && bytes[3] == 1;
      boolean single = bytes[0] == 2 && bytes[1] == 2 && bytes[3] == 4;
      boolean full = bytes[0] == 5 && bytes[1] == 1 && bytes[3] == 0 && bytes.length >= 20 && bytes[18] >= 1
          && bytes[18] <= 61;
      check(bytes[2] == 15 && (empty || single || full), "column '" + name + "': quantile sketch is not in the compact"
          + " form profiles write (preamble " + bytes[0] + ", serial version " + bytes[1] + ", flags " + bytes[3] + ")");
      KllDoublesSketch sketch = sketch(name, "quantile", () -> KllDoublesSketch.heapify(Memory.wrap(bytes)));
      check(sketch.getK() == NumericColumnProfile.K, "column '" + name + "': quantile sketch has k " + sketch.getK()
          + ", expected " + NumericColumnProfile.K);
      check(sketch.getN() == finite, "column '" + name + "': the quantile sketch holds " + sketch.getN()
          + " values, the column " + finite + " finite ones");
      if (finite > 0) {
        double[] span = sketch(name, "quantile", () -> new double[] {sketch.getMinItem(), sketch.getMaxItem()});
        check(span[0] == min && span[1] == max, "column '" + name + "': the quantile sketch"
            + " spans [" + span[0] + ", " + span[1] + "], the column [" + min + ", " + max + "]");
        sketch(name, "quantile", () -> {
          var items = sketch.iterator();
          while (items.next()) {
            double x = items.getQuantile();
            check(x >= min && x <= max, "column '" + name + "': quantile sketch item " + x + " is outside [" + min
                + ", " + max + "]");
          }
          return sketch.getQuantiles(new double[] {0, 0.5, 1});
        });
      }
      // The checks above may have sorted the sketch's first level: keep the bytes as they were written.
      return new NumericColumnProfile(name, type, count, nulls, nans, inf, finite, mean, m2, min, max,
          KllDoublesSketch.heapify(Memory.wrap(bytes)));
    }

    /**
     * Checks the frame of a serialised frequent-items sketch before DataSketches reads it (it sizes its
     * arrays from these fields, so a corrupt one could ask for gigabytes): the preamble of a map of
     * {@value CategoricalColumnProfile#MAP_SIZE} entries, at most 192 active items, and item strings
     * (a little-endian length, then UTF-8) that exactly fill the bytes.
     */
    private void checkItemsLayout(String name, byte[] b) {
      String problem = "column '" + name + "': frequent-items sketch frame is corrupt";
      check(b.length >= 8, problem);
      int preLongs = b[0] & 0x3F;
      if (preLongs == 1) {
        check(b.length == 8, problem);
        return;
      }
      check(preLongs == 4 && b.length >= 32 && b[3] == 8 && b[4] >= 3 && b[4] <= 8, problem);
      ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
      int active = le.getInt(8);
      check(active >= 0 && active <= (3 << b[4]) / 4, problem + ": " + active + " active items");
      long position = 32L + 8L * active;
      for (int i = 0; i < active; i++) {
        check(position + 4 <= b.length, problem);
        int length = le.getInt((int) position);
        check(length >= 0 && position + 4 + length <= b.length, problem + ": item length " + length);
        position += 4 + length;
      }
      check(position == b.length, problem);
    }

    private byte[] blob() throws IOException {
      int length = in.readInt();
      check(length >= 0 && length <= in.available(), "length " + length + " of " + at + " exceeds the "
          + in.available() + " bytes left");
      byte[] blob = new byte[length];
      in.readFully(blob);
      return blob;
    }

    /**
     * Runs a DataSketches call on untrusted bytes: any failure is a malformed sketch (with assertions
     * enabled DataSketches checks its own invariants with {@code assert}, hence AssertionError).
     */
    private <T> T sketch(String column, String kind, Supplier<T> call) {
      try {
        return call.get();
      } catch (MalformedDataException e) {
        throw e;
      } catch (RuntimeException | AssertionError e) {
        throw fail("column '" + column + "': corrupt " + kind + " sketch: " + e, e);
      }
    }

    private void check(boolean ok, String problem) {
      if (!ok) {
        throw fail("corrupt profile: " + problem, null);
      }
    }

    MalformedDataException fail(String problem, Throwable cause) {
      return new MalformedDataException(source, -1, -1, null, problem, cause);
    }
  }

  private static MalformedDataException fail(String source, String problem) {
    return new MalformedDataException(source, -1, -1, null, problem, null);
  }
}
