package dev.mlops.core.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.api.data.ColumnType;
import dev.mlops.api.data.MalformedDataException;
import dev.mlops.api.profile.ColumnProfile;
import dev.mlops.api.profile.TableProfile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.datasketches.frequencies.ItemsSketch;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;

/**
 * The binary and JSON forms of a table profile, both versioned. Binary: the magic {@code MLPF},
 * a format version, the row count, then per column its name, type, counts, moments and the
 * sketches' own serialised bytes. JSON carries the same fields, sketches in Base64.
 */
final class ProfileCodec {
  static final int FORMAT_VERSION = 1;
  private static final int MAGIC = 0x4D4C5046; // "MLPF"
  private static final ObjectMapper JSON = new ObjectMapper();

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
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      if (data.length < 8 || in.readInt() != MAGIC) {
        throw fail(source, "not a profile: expected the magic bytes MLPF at the start");
      }
      int version = in.readInt();
      if (version != FORMAT_VERSION) {
        throw fail(source, "unsupported profile formatVersion " + version + "; this version of mlops-java reads "
            + FORMAT_VERSION);
      }
      long rows = in.readLong();
      int columns = in.readInt();
      if (columns < 0 || columns > 1_000_000) {
        throw fail(source, "corrupt profile: " + columns + " columns");
      }
      List<ColumnProfile> out = new ArrayList<>(columns);
      for (int i = 0; i < columns; i++) {
        String name = in.readUTF();
        ColumnType type = ColumnType.valueOf(in.readUTF());
        long count = in.readLong();
        long nulls = in.readLong();
        if (type.isNumeric() || type == ColumnType.TIMESTAMP) {
          long nans = in.readLong();
          long inf = in.readLong();
          long finite = in.readLong();
          double mean = in.readDouble();
          double m2 = in.readDouble();
          double min = in.readDouble();
          double max = in.readDouble();
          KllDoublesSketch sketch = KllDoublesSketch.heapify(Memory.wrap(readBlob(in, data.length)));
          out.add(new NumericColumnProfile(name, type, count, nulls, nans, inf, finite, mean, m2, min, max, sketch));
        } else {
          ItemsSketch<String> items = ItemsSketch.getInstance(Memory.wrap(readBlob(in, data.length)),
              CategoricalColumnProfile.serde());
          HllSketch distinct = HllSketch.heapify(readBlob(in, data.length));
          out.add(new CategoricalColumnProfile(name, type, count, nulls, items, distinct));
        }
      }
      if (in.available() > 0) {
        throw fail(source, "corrupt profile: " + in.available() + " bytes after the last column");
      }
      return new Profiles.SimpleTableProfile(rows, out);
    } catch (IOException | RuntimeException e) {
      if (e instanceof MalformedDataException m) {
        throw m;
      }
      throw new MalformedDataException(source, -1, -1, null, "corrupt or truncated profile: " + e, e);
    }
  }

  private static byte[] readBlob(DataInputStream in, int limit) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > limit) {
      throw new IOException("blob length " + length + " out of range");
    }
    byte[] blob = new byte[length];
    in.readFully(blob);
    return blob;
  }

  private static MalformedDataException fail(String source, String problem) {
    return new MalformedDataException(source, -1, -1, null, problem, null);
  }


}
