package dev.mlops.samples;

import dev.mlops.api.data.CategoricalColumn;
import dev.mlops.api.data.Column;
import dev.mlops.api.data.NumericColumn;
import dev.mlops.api.data.Table;
import dev.mlops.api.schema.Schema;
import dev.mlops.core.data.Tables;
import dev.mlops.core.schema.Schemas;
import dev.mlops.tribuo.DatasetOptions;
import dev.mlops.tribuo.TribuoTables;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import java.util.Arrays;

/** The German credit data and what the samples do with it: schema, splits, features, requests. */
final class CreditData {
  /** The label column. */
  static final String LABEL = "class";
  /** The positive class: a loan that went bad. */
  static final String BAD = "bad";
  /** The row attribute the gate's slice criterion uses. */
  static final String AGE_BAND = "age_band";

  private CreditData() {}

  /** @return the bundled German credit data, 1,000 rows */
  static Table load() {
    try {
      return SummarizeCsv.readBundled();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return the reviewed schema, {@code credit-g.schema.yaml} on the classpath */
  static Schema schema() {
    try (InputStream in = CreditData.class.getClassLoader().getResourceAsStream("credit-g.schema.yaml")) {
      if (in == null) {
        throw new IllegalStateException("credit-g.schema.yaml is not on the classpath");
      }
      return Schemas.fromYaml(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A seeded train/test split.
   *
   * @param train training rows
   * @param test held-out rows
   */
  record Split(int[] train, int[] test) {}

  static Split split(int rows, double testShare, long seed) {
    int[] order = new int[rows];
    for (int i = 0; i < rows; i++) {
      order[i] = i;
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = rows - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    int test = (int) Math.round(rows * testShare);
    int[] testRows = Arrays.copyOfRange(order, 0, test);
    int[] trainRows = Arrays.copyOfRange(order, test, rows);
    Arrays.sort(testRows);
    Arrays.sort(trainRows);
    return new Split(trainRows, testRows);
  }

  /** Builds a Tribuo dataset from the label and the given feature columns (all features if empty). */
  static MutableDataset<Label> dataset(Table table, Set<String> features) {
    DatasetOptions.Builder options = DatasetOptions.builder(LABEL);
    if (!features.isEmpty()) {
      for (String c : table.columnNames()) {
        if (!c.equals(LABEL) && !features.contains(c)) {
          options.exclude(c);
        }
      }
    }
    return TribuoTables.toDataset(table, options.build(), new LabelFactory());
  }

  /** Age bands for the gate's per-slice criterion. */
  static String[] ageBands(Table table) {
    NumericColumn age = table.numeric("age");
    String[] bands = new String[table.rowCount()];
    for (int i = 0; i < bands.length; i++) {
      double a = age.getDouble(i);
      bands[i] = a < 30 ? "under 30" : a < 45 ? "30-44" : "45 and over";
    }
    return bands;
  }

  /** One row as a serving request: column name to value, without the label. */
  static Map<String, Object> request(Table table, int row) {
    Map<String, Object> request = new LinkedHashMap<>();
    for (Column c : table.columns()) {
      if (c.name().equals(LABEL) || c.isNull(row)) {
        continue;
      }
      request.put(c.name(), c instanceof NumericColumn n ? (Object) n.getDouble(row)
          : ((CategoricalColumn) c).getString(row));
    }
    return request;
  }

  /** The request as the Tribuo example the model expects (features named as {@link TribuoTables} names them). */
  static Example<Label> example(Map<String, Object> request) {
    List<String> names = new ArrayList<>(request.size());
    double[] values = new double[request.size()];
    int i = 0;
    for (Map.Entry<String, Object> e : request.entrySet()) {
      if (e.getValue() instanceof Number n) {
        names.add(e.getKey());
        values[i++] = n.doubleValue();
      } else {
        names.add(e.getKey() + "@" + e.getValue());
        values[i++] = 1.0;
      }
    }
    return new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, names.toArray(new String[0]), values);
  }

  /** The model's probability that the loan goes bad. */
  static double badScore(Prediction<Label> prediction) {
    Label bad = prediction.getOutputScores().get(BAD);
    if (bad == null) {
      throw new IllegalStateException("the model gives no score for '" + BAD + "': " + prediction.getOutputScores());
    }
    return bad.getScore();
  }

  /** A SHA-256 fingerprint of a table's contents (column names and every cell), for lineage. */
  static String fingerprint(Table table) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Column c : table.columns()) {
        sha.update(c.name().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        for (int r = 0; r < c.size(); r++) {
          Object v = c.isNull(r) ? "\u0000null" : c instanceof NumericColumn n ? Double.toString(n.getDouble(r))
              : ((CategoricalColumn) c).getString(r);
          sha.update(v.toString().getBytes(StandardCharsets.UTF_8));
          sha.update((byte) 0);
        }
      }
      return "sha256:" + HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }

  /** Builds a table from requests and their labels (recent labelled traffic, for retraining). */
  static Table table(List<Map<String, Object>> requests, List<String> labels) {
    List<Map<String, Object>> rows = new ArrayList<>(requests.size());
    for (int i = 0; i < requests.size(); i++) {
      Map<String, Object> row = new LinkedHashMap<>(requests.get(i));
      row.put(LABEL, labels.get(i));
      rows.add(row);
    }
    return Tables.fromMaps(rows);
  }
}
