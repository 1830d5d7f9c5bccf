package dev.mlops.tribuo;

import static java.util.Objects.requireNonNull;

import dev.mlops.api.data.BooleanColumn;
import dev.mlops.api.data.CategoricalColumn;
import dev.mlops.api.data.Column;
import dev.mlops.api.data.NumericColumn;
import dev.mlops.api.data.Table;
import dev.mlops.api.data.TimestampColumn;
import dev.mlops.core.data.CategoricalColumnBuilder;
import dev.mlops.core.data.Columns;
import dev.mlops.core.data.NumericColumnBuilder;
import dev.mlops.core.data.TableBuilder;
import dev.mlops.core.data.Tables;
import java.util.ArrayList;
import java.util.List;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import java.util.Arrays;

/**
 * Converts between {@link Table}s and Tribuo datasets.
 *
 * <pre>{@code
 * Table table = Tables.readCsv(Path.of("credit-g.csv"));
 * // ... validate the table against its schema ...
 * MutableDataset<Label> train = TribuoTables.toClassificationDataset(table, "class");
 * Model<Label> model = new LogisticRegressionTrainer().train(train);
 *
 * Table back = TribuoTables.fromDataset(train, "class");   // check the data inside any dataset
 * }</pre>
 *
 * <h2>Table to dataset</h2>
 * Every column but the output and the excluded ones becomes features: a numeric column one feature
 * of the same name; a boolean column one feature valued 1 or 0; a categorical column one-hot
 * features named {@code column@value} (Tribuo's own convention), valued 1. Timestamp columns have no
 * encoding and must be excluded. The output column becomes a {@link Label} (categorical, boolean or
 * integral column), a {@link Regressor} named after the column (numeric column), or whatever the
 * factory's {@code generateOutput} makes of the value's text. Null, {@code NaN} and infinite values
 * follow {@link DatasetOptions.MissingValues}.
 *
 * <h2>Dataset to table</h2>
 * One numeric column per feature in the dataset's feature map, in feature-id order; a feature absent
 * from an example is 0 there, as Tribuo's sparse examples mean it. The output becomes a categorical
 * column for {@link Label}, one numeric column per dimension for {@link Regressor} (named after the
 * output column, suffixed {@code .dimension} when there are several), and a categorical column of
 * the output's serialised form otherwise. Unknown outputs are nulls. Example weights are not kept.
 */
public final class TribuoTables {
  private TribuoTables() {}

  /**
   * Returns a classification dataset whose labels come from {@code outputColumn}.
   *
   * @param table the table
   * @param outputColumn the label column
   * @return a new dataset
   * @throws IllegalArgumentException if a column is missing, cannot be encoded, or holds a missing
   *     value (the message names the column and row)
   */
  public static MutableDataset<Label> toClassificationDataset(Table table, String outputColumn) {
    return toDataset(table, DatasetOptions.builder(outputColumn).build(), new LabelFactory());
  }

  /**
   * Returns a regression dataset whose targets come from the numeric column {@code outputColumn}.
   *
   * @param table the table
   * @param outputColumn the target column
   * @return a new dataset
   * @throws IllegalArgumentException if a column is missing, cannot be encoded, or holds a missing
   *     value (the message names the column and row)
   */
  public static MutableDataset<Regressor> toRegressionDataset(Table table, String outputColumn) {
    return toDataset(table, DatasetOptions.builder(outputColumn).build(), new RegressionFactory());
  }

  /**
   * Returns a dataset built with {@code options}.
   *
   * @param table the table
   * @param options output column, excluded columns, missing-value policy
   * @param factory the output factory ({@code LabelFactory}, {@code RegressionFactory}, ...)
   * @param <T> the output type
   * @return a new dataset
   * @throws IllegalArgumentException if a column is missing, cannot be encoded, or holds a missing
   *     value under {@link DatasetOptions.MissingValues#FAIL} (the message names the column and row)
   */
  public static <T extends Output<T>> MutableDataset<T> toDataset(
      Table table, DatasetOptions options, OutputFactory<T> factory) {
    requireNonNull(table, "table");
    requireNonNull(options, "options");
    requireNonNull(factory, "factory");
    Column output = table.column(options.outputColumn());
    for (String excluded : options.excluded()) {
      table.column(excluded);
    }
    List<Column> features = new ArrayList<>();
    for (Column c : table.columns()) {
      if (c == output || options.excluded().contains(c.name())) {
        continue;
      }
      if (c instanceof TimestampColumn) {
        throw new IllegalArgumentException("timestamp column '" + c.name()
            + "' has no feature encoding; exclude it (DatasetOptions.Builder.exclude) or derive numeric columns");
      }
      features.add(c);
    }
    boolean regression = factory instanceof RegressionFactory;
    if (regression && !(output instanceof NumericColumn)) {
      throw new IllegalArgumentException("output column '" + output.name() + "' is " + output.type()
          + "; a regression target must be numeric");
    }
    String description = "mlops-java table (" + table.rowCount() + " rows x " + table.columnCount()
        + " columns), output '" + output.name() + "'";
    List<Example<T>> examples = new ArrayList<>(table.rowCount());
    String[] names = new String[features.size()];
    double[] values = new double[features.size()];
    rows:
    for (int row = 0; row < table.rowCount(); row++) {
      T out = output(output, row, factory, regression);
      if (out == null) {
        if (options.missingValues() == DatasetOptions.MissingValues.FAIL) {
          throw new IllegalArgumentException("output column '" + output.name() + "' is null at row " + row
              + "; expected a value in every row (or DatasetOptions.MissingValues.SKIP_ROW)");
        }
        continue;
      }
      int n = 0;
      for (Column c : features) {
        if (c.isNull(row)) {
          switch (options.missingValues()) {
            case FAIL -> throw new IllegalArgumentException("feature column '" + c.name() + "' is null at row "
                + row + "; expected a value (or choose a DatasetOptions.MissingValues policy)");
            case SKIP_ROW -> {
              continue rows;
            }
            case OMIT_FEATURE -> {
              continue;
            }
          }
        }
        if (c instanceof NumericColumn num) {
          double v = num.getDouble(row);
          if (!Double.isFinite(v)) {
            switch (options.missingValues()) {
              case FAIL -> throw new IllegalArgumentException("feature column '" + c.name() + "' holds " + v
                  + " at row " + row + "; Tribuo features must be finite (or choose a DatasetOptions.MissingValues policy)");
              case SKIP_ROW -> {
                continue rows;
              }
              case OMIT_FEATURE -> {
                continue;
              }
            }
          }
          names[n] = c.name();
          values[n++] = v;
        } else if (c instanceof BooleanColumn b) {
          names[n] = c.name();
          values[n++] = b.getBoolean(row) ? 1.0 : 0.0;
        } else if (c instanceof CategoricalColumn cat) {
          names[n] = c.name() + "@" + cat.getString(row);
          values[n++] = 1.0;
        }
      }
      examples.add(new ArrayExample<>(out, Arrays.copyOf(names, n), Arrays.copyOf(values, n)));
    }
    ListDataSource<T> source = new ListDataSource<>(examples, factory,
        new SimpleDataSourceProvenance(description, factory));
    return new MutableDataset<>(source);
  }

  private static <T extends Output<T>> T output(Column column, int row, OutputFactory<T> factory, boolean regression) {
    if (column.isNull(row)) {
      return null;
    }
    if (column instanceof NumericColumn num && !Double.isFinite(num.getDouble(row))) {
      return null;
    }
    if (regression) {
      @SuppressWarnings("unchecked")
      T target = (T) new Regressor(column.name(), ((NumericColumn) column).getDouble(row));
      return target;
    }
    String text;
    if (column instanceof NumericColumn num && num.isIntegral()) {
      text = Long.toString((long) num.getDouble(row));
    } else {
      text = String.valueOf(column.get(row));
    }
    return factory.generateOutput(text);
  }

  /**
   * Returns the table of a dataset's features and outputs.
   *
   * @param dataset the dataset
   * @param outputColumn the name of the output column(s)
   * @param <T> the output type
   * @return a new table
   * @throws IllegalArgumentException if a feature is named like the output column
   */
  public static <T extends Output<T>> Table fromDataset(Dataset<T> dataset, String outputColumn) {
    requireNonNull(dataset, "dataset");
    requireNonNull(outputColumn, "outputColumn");
    ImmutableFeatureMap featureMap = dataset.getFeatureIDMap();
    int rows = dataset.size();
    int featureCount = featureMap.size();
    String[] names = new String[featureCount];
    for (VariableInfo info : featureMap) {
      int id = featureMap.getID(info.getName());
      names[id] = info.getName();
    }
    double[][] values = new double[featureCount][rows];
    List<T> outputs = new ArrayList<>(rows);
    int row = 0;
    for (Example<T> example : dataset) {
      for (Feature f : example) {
        int id = featureMap.getID(f.getName());
        if (id >= 0) {
          values[id][row] = f.getValue();
        }
      }
      outputs.add(example.getOutput());
      row++;
    }
    TableBuilder table = Tables.builder();
    for (int id = 0; id < featureCount; id++) {
      if (names[id].equals(outputColumn)) {
        throw new IllegalArgumentException("feature '" + names[id]
            + "' has the name chosen for the output column; choose another outputColumn");
      }
      table.add(Columns.numeric(names[id], values[id]));
      values[id] = null;
    }
    T unknown = dataset.getOutputFactory().getUnknownOutput();
    T first = outputs.stream().filter(o -> !o.equals(unknown)).findFirst().orElse(null);
    if (first instanceof Regressor r) {
      String[] dims = r.getNames();
      for (int d = 0; d < dims.length; d++) {
        String name = dims.length == 1 ? outputColumn : outputColumn + "." + dims[d];
        NumericColumnBuilder b = Columns.numericBuilder(name, rows);
        for (T o : outputs) {
          if (o.equals(unknown)) {
            b.addNull();
          } else {
            b.add(((Regressor) o).getValues()[d]);
          }
        }
        table.add(b.build());
      }
    } else {
      CategoricalColumnBuilder b = Columns.categoricalBuilder(outputColumn, rows);
      for (T o : outputs) {
        if (o.equals(unknown)) {
          b.addNull();
        } else if (o instanceof Label label) {
          b.add(label.getLabel());
        } else {
          b.add(o.getSerializableForm(false));
        }
      }
      table.add(b.build());
    }
    return table.build();
  }
}
